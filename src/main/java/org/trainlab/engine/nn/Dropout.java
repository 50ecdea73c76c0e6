package org.trainlab.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;

import java.util.SplittableRandom;

/**
 * §8 inverted dropout: in training, each unit (or, when spatial, each whole channel of an image, as
 * PyTorch's Dropout2d) is zeroed with probability {@code rate} and the survivors scaled by
 * 1 / (1 - rate); in inference mode the layer passes its input through. The mask is drawn from
 * the step's own random stream, so a run's seed fixes it.
 */
final class Dropout extends Layer {

    private final double rate;
    private final boolean spatial;
    private final int salt;
    private INDArray mask;

    Dropout(double rate, boolean spatial, int salt) {
        this.rate = rate;
        this.spatial = spatial;
        this.salt = salt;
    }

    double rate() {
        return rate;
    }

    boolean spatial() {
        return spatial;
    }

    @Override
    protected long[] computeOutShape(long[] in) {
        return in.clone();
    }

    @Override
    INDArray forward(INDArray x, boolean training, StepKey step) {
        if (!training || rate == 0) {
            mask = null;
            return x;
        }
        long batch = x.size(0);
        long channels = inShape[inShape.length - 1];
        long[] maskShape = spatial ? new long[] {batch, channels} : x.shape();
        float[] m = new float[(int) product(maskShape)];
        SplittableRandom random = step.random(salt);
        float keep = (float) (1.0 / (1.0 - rate));
        for (int i = 0; i < m.length; i++) {
            m[i] = random.nextDouble() < rate ? 0f : keep;
        }
        mask = buffers.get("mask", maskShape);
        mask.data().setData(m);
        INDArray out = buffers.get("out", x.shape());
        apply(x, out);
        return out;
    }

    private void apply(INDArray in, INDArray out) {
        if (spatial) {
            Ops.run(new BroadcastMulOp(in, mask, out, 0, in.rank() - 1));
        } else {
            Ops.mul(in, mask, out);
        }
    }

    @Override
    INDArray backward(INDArray gradOut, boolean needInputGrad) {
        if (mask == null) {
            return gradOut;
        }
        INDArray gradIn = work().gradient(gradOut.shape());
        apply(gradOut, gradIn);
        return gradIn;
    }

    @Override
    protected String details() {
        return (spatial ? "spatial, " : "") + "rate " + rate;
    }
}
