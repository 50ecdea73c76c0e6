package org.trainlab.engine.nn;

import java.lang.ref.Reference;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Norm2;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarSet;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J operations run so that nothing they hand to native code is freed while it runs (docs/decisions/0010).
 *
 * <p>ND4J frees an array's native memory once the array is garbage, and its executioner does not keep
 * an operation reachable while the operation's native call runs. What only the operation holds (a
 * broadcast's or a reduction's dimensions, a scalar operand, a transient input) could therefore be
 * freed by a collection during the call: a window with 25 runs crashed in {@code execBroadcast} of a
 * dense layer's bias, reading its dimensions after they were freed. Every operation of the engine runs
 * through here, which keeps the operation, and with it everything it holds, reachable until the native
 * call has returned. The arithmetic is ND4J's own, unchanged. Arrays of another type are made in the
 * type wanted from their Java values ({@code Nd4j.create(values, shape, type)}), never cast by an
 * operation ({@code castTo}) that would hold a transient source.
 */
public final class Ops {

    private Ops() {
    }

    public static void run(Op op) {
        try {
            Nd4j.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    public static void run(CustomOp op) {
        try {
            Nd4j.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    /** target = source, elementwise; {@code source} may be a transient array. */
    public static INDArray assign(INDArray target, INDArray source) {
        try {
            return target.assign(source);
        } finally {
            Reference.reachabilityFence(source);
        }
    }

    /** x = v everywhere. */
    public static INDArray set(INDArray x, double v) {
        run(new ScalarSet(x, null, x, v));
        return x;
    }

    /** x *= v, in place. */
    public static INDArray muli(INDArray x, double v) {
        run(new ScalarMultiplication(x, null, x, v));
        return x;
    }

    /** x += v, in place. */
    public static INDArray addi(INDArray x, double v) {
        run(new ScalarAdd(x, null, x, v));
        return x;
    }

    /** z = x * y, elementwise. */
    public static INDArray mul(INDArray x, INDArray y, INDArray z) {
        run(new MulOp(x, y, z));
        return z;
    }

    /** x *= y, elementwise, in place. */
    public static INDArray muli(INDArray x, INDArray y) {
        return mul(x, y, x);
    }

    /** x += y, elementwise, in place. */
    public static INDArray addi(INDArray x, INDArray y) {
        run(new AddOp(x, y, x));
        return x;
    }

    /** x -= y, elementwise, in place. */
    public static INDArray subi(INDArray x, INDArray y) {
        run(new SubOp(x, y, x));
        return x;
    }

    /** x /= y, elementwise, in place. */
    public static INDArray divi(INDArray x, INDArray y) {
        run(new DivOp(x, y, x));
        return x;
    }

    /** x = sqrt(x), in place. */
    public static INDArray sqrti(INDArray x) {
        run(new Sqrt(x, x));
        return x;
    }

    /** The L2 norm of all of {@code x}'s values ({@code x.norm2Number()}, which makes its operation unkept). */
    public static double norm2(INDArray x) {
        Norm2 op = new Norm2(x);
        run(op);
        return op.z().getDouble(0);
    }

    /** z = sign(x). */
    public static INDArray sign(INDArray x, INDArray z) {
        run(new Sign(x, z));
        return z;
    }
}
