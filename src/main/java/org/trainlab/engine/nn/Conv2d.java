package org.trainlab.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.lang.ref.Reference;
import java.util.SplittableRandom;

/** 3x3 (or k x k) convolution, stride 1, "same" zero padding, NHWC activations, weights [out, in, k, k]. */
final class Conv2d extends Layer {

    private final int outChannels;
    private final int kernel;
    private INDArray weight, bias, weightGrad, biasGrad;
    private INDArray lastInput;
    private final Patches patchMaker = new Patches();

    Conv2d(int outChannels, int kernel) {
        this.outChannels = outChannels;
        this.kernel = kernel;
    }

    @Override
    protected long[] computeOutShape(long[] in) {
        return new long[] {in[0], in[1], outChannels};
    }

    private long inChannels() {
        return inShape[2];
    }

    @Override
    public long weightCount() {
        return (long) outChannels * inChannels() * kernel * kernel;
    }

    @Override
    public long otherParamCount() {
        return outChannels;
    }

    @Override
    void bind(INDArray weights, INDArray weightGrads, INDArray others, INDArray otherGrads) {
        long[] shape = {outChannels, inChannels(), kernel, kernel};
        weight = weights.reshape('c', shape);
        weightGrad = weightGrads.reshape('c', shape);
        bias = others;
        biasGrad = otherGrads;
    }

    @Override
    long[] fans() {
        long area = (long) kernel * kernel;
        return new long[] {inChannels() * area, outChannels * area};
    }

    @Override
    void initialize(WeightInit init, SplittableRandom random) {
        long[] f = fans();
        Ops.assign(weight, Nd4j.createFromArray(init.sample((int) weightCount(), f[0], f[1], random))
                .reshape('c', weight.shape()));
        Ops.set(bias, 0);
    }

    private int[] args() {
        int pad = kernel / 2;
        // kH, kW, sH, sW, pH, pW, dH, dW, same-mode off, NHWC, weights [oC, iC, kH, kW]
        return new int[] {kernel, kernel, 1, 1, pad, pad, 1, 1, 0, 1, 1};
    }

    @Override
    INDArray forward(INDArray x, boolean training, StepKey step) {
        lastInput = x;
        INDArray out = buffers.get("out", withBatch(x.size(0), outShape));
        Ops.run(DynamicCustomOp.builder("conv2d")
                .addInputs(x, weight, bias).addOutputs(out).addIntegerArguments(args()).build());
        return out;
    }

    @Override
    INDArray backward(INDArray gradOut, boolean needInputGrad) {
        if (!needInputGrad) {
            parameterGradients(gradOut);
            return null;
        }
        INDArray gradIn = work().gradient(lastInput.shape());
        Ops.run(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(lastInput, weight, bias, gradOut)
                .addOutputs(gradIn, weightGrad, biasGrad)
                .addIntegerArguments(args()).build());
        return gradIn;
    }

    /**
     * The weight and bias gradients alone, for the first layer, whose input gradient nobody uses. libnd4j's
     * {@code conv2d_bp} always computes the input gradient too, and oneDNN's kernels for one input channel
     * are slow: 7.2 ms a step of batch 64 for 14 MFLOP of weight gradient (docs/performance.md). Here the
     * input's 3x3 neighbourhoods are laid out by column ({@link Patches}: [in x k x k + 1, pixels], the weights'
     * order, then a row of ones) and one matrix product gives both: [dW^T; db] = patches · dY.
     */
    private void parameterGradients(INDArray gradOut) {
        long pixels = lastInput.length() / inChannels();
        int columns = (int) (inChannels() * kernel * kernel);
        INDArray patches = buffers.get("patches", columns + 1, pixels);
        patchMaker.fill(lastInput, kernel, patches);
        INDArray dy = gradOut.reshape('c', pixels, outChannels);
        // rows 0 .. columns - 1: the weight gradient, transposed; the last row: the bias gradient
        INDArray products = buffers.get("products", columns + 1, outChannels);
        Nd4j.gemm(patches, dy, products, false, false, 1.0, 0.0);
        Ops.assign(weightGrad.reshape('c', outChannels, columns),
                products.get(NDArrayIndex.interval(0, columns), NDArrayIndex.all()).transpose());
        Ops.assign(biasGrad, products.getRow(columns).reshape(biasGrad.shape()));
        Reference.reachabilityFence(gradOut);
    }

    @Override
    protected String details() {
        return kernel + "x" + kernel + ", " + outChannels + " channels";
    }
}
