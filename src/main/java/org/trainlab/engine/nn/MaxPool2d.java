package org.trainlab.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

/** 2x2 max pooling with stride 2 on NHWC activations. */
final class MaxPool2d extends Layer {

    private static final int[] ARGS = {2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 1}; // k, s, pad, dilation, valid, unused, NHWC
    private INDArray lastInput;

    @Override
    protected long[] computeOutShape(long[] in) {
        return new long[] {in[0] / 2, in[1] / 2, in[2]};
    }

    @Override
    INDArray forward(INDArray x, boolean training, StepKey step) {
        lastInput = x;
        INDArray out = buffers.get("out", withBatch(x.size(0), outShape));
        Ops.run(DynamicCustomOp.builder("maxpool2d").addInputs(x).addOutputs(out).addIntegerArguments(ARGS).build());
        return out;
    }

    @Override
    INDArray backward(INDArray gradOut, boolean needInputGrad) {
        INDArray gradIn = work().gradient(lastInput.shape());
        Ops.run(DynamicCustomOp.builder("maxpool2d_bp")
                .addInputs(lastInput, gradOut).addOutputs(gradIn).addIntegerArguments(ARGS).build());
        return gradIn;
    }

    @Override
    protected String details() {
        return "2x2";
    }
}
