package org.trainlab.engine.nn;

import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/** Fully connected layer y = x W + b; flattens its input (NHWC order). Weights [in, out]. */
final class Dense extends Layer {

    private final int outFeatures;
    private INDArray weight, bias, weightGrad, biasGrad;
    private INDArray lastInput;

    Dense(int outFeatures) {
        this.outFeatures = outFeatures;
    }

    @Override
    protected long[] computeOutShape(long[] in) {
        return new long[] {outFeatures};
    }

    private long inFeatures() {
        return product(inShape);
    }

    @Override
    public long weightCount() {
        return inFeatures() * outFeatures;
    }

    @Override
    public long otherParamCount() {
        return outFeatures;
    }

    @Override
    void bind(INDArray weights, INDArray weightGrads, INDArray others, INDArray otherGrads) {
        weight = weights.reshape('c', inFeatures(), outFeatures);
        weightGrad = weightGrads.reshape('c', inFeatures(), outFeatures);
        bias = others.reshape('c', 1, outFeatures);
        biasGrad = otherGrads.reshape('c', 1, outFeatures);
    }

    @Override
    long[] fans() {
        return new long[] {inFeatures(), outFeatures};
    }

    @Override
    void initialize(WeightInit init, SplittableRandom random) {
        Ops.assign(weight, Nd4j.createFromArray(init.sample((int) weightCount(), inFeatures(), outFeatures, random))
                .reshape('c', inFeatures(), outFeatures));
        Ops.set(bias, 0);
    }

    @Override
    INDArray forward(INDArray x, boolean training, StepKey step) {
        INDArray flat = x.reshape('c', x.size(0), inFeatures());
        lastInput = flat;
        INDArray out = buffers.get("out", x.size(0), outFeatures);
        Nd4j.gemm(flat, weight, out, false, false, 1.0, 0.0);
        Ops.run(new BroadcastAddOp(out, bias.reshape(outFeatures), out, 1)); // out.addiRowVector(bias), see Ops
        return out;
    }

    @Override
    INDArray backward(INDArray gradOut, boolean needInputGrad) {
        Nd4j.gemm(lastInput, gradOut, weightGrad, true, false, 1.0, 0.0);
        Ops.run(new Sum(gradOut, biasGrad.reshape(outFeatures), 0));
        if (!needInputGrad) {
            return null;
        }
        INDArray gradIn = work().gradient(lastInput.shape());
        Nd4j.gemm(gradOut, weight, gradIn, false, true, 1.0, 0.0);
        return gradIn.reshape('c', withBatch(gradIn.size(0), inShape));
    }

    @Override
    protected String details() {
        return outFeatures + " units";
    }
}
