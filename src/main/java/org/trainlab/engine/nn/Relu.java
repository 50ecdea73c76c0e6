package org.trainlab.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;

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
        Nd4j.exec(new RectifiedLinear(x, out, 0.0));
        lastOutput = out;
        return out;
    }

    @Override
    INDArray backward(INDArray gradOut, boolean needInputGrad) {
        INDArray gradIn = buffers.get("gradIn", gradOut.shape());
        // the output is positive exactly where the input was, so it serves as relu_bp's input
        Nd4j.exec(DynamicCustomOp.builder("relu_bp").addInputs(lastOutput, gradOut).addOutputs(gradIn)
                .addFloatingPointArguments(0.0).build());
        return gradIn;
    }
}
