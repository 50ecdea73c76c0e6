package org.trainlab.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.SplittableRandom;

/**
 * §7 batch normalization over the last (channel or feature) axis, with PyTorch's defaults: eps 1e-5,
 * running statistics updated with momentum 0.1 (the running variance unbiased). Training mode
 * normalizes with the batch's statistics, inference mode with the running ones (the tutorial's
 * {@code model.eval()}).
 *
 * <p>Speed: per-channel sums are matrix products with a row of ones (BLAS), and every full-size pass
 * is libnd4j's oneDNN {@code batchnorm} op used as a per-channel affine map y = a*x + b (mean 0,
 * variance 1 - eps). libnd4j's own {@code batchnorm_bp} and axis-0 reductions measured 5 to 10 times
 * slower on NHWC activations (docs/performance.md).
 */
final class BatchNorm extends Layer {

    static final double EPS = 1e-5;
    static final double MOMENTUM = 0.1;

    private INDArray gamma, beta, gammaGrad, betaGrad;
    private INDArray runningMean, runningVar;
    private INDArray lastInput;
    private double[] batchMean, invStd;

    @Override
    protected long[] computeOutShape(long[] in) {
        return in.clone();
    }

    private int channels() {
        return (int) inShape[inShape.length - 1];
    }

    @Override
    public long otherParamCount() {
        return 2L * channels();
    }

    @Override
    void bind(INDArray weights, INDArray weightGrads, INDArray others, INDArray otherGrads) {
        int c = channels();
        gamma = others.get(NDArrayIndex.interval(0, c));
        beta = others.get(NDArrayIndex.interval(c, 2 * c));
        gammaGrad = otherGrads.get(NDArrayIndex.interval(0, c));
        betaGrad = otherGrads.get(NDArrayIndex.interval(c, 2 * c));
        runningMean = Nd4j.zeros(dataType, c);
        runningVar = Nd4j.ones(dataType, c);
    }

    @Override
    void initialize(WeightInit init, SplittableRandom random) {
        gamma.assign(1);
        beta.assign(0);
        runningMean.assign(0);
        runningVar.assign(1);
    }

    @Override
    INDArray forward(INDArray x, boolean training, StepKey step) {
        INDArray out = buffers.get("out", x.shape());
        if (!training) {
            affine(x, runningMean, runningVar, gamma, beta, out);
            return out;
        }
        lastInput = x;
        int c = channels();
        long rows = x.length() / c;
        INDArray rowsByChannel = x.reshape('c', rows, c);
        INDArray ones = buffers.ones("ones", 1, rows);
        INDArray sum = buffers.get("sum", 1, c);
        INDArray squares = buffers.get("squares", rows, c);
        Nd4j.gemm(ones, rowsByChannel, sum, false, false, 1.0, 0.0);
        double[] s = sum.toDoubleVector();
        rowsByChannel.mul(rowsByChannel, squares);
        Nd4j.gemm(ones, squares, sum, false, false, 1.0, 0.0);
        double[] s2 = sum.toDoubleVector();
        batchMean = new double[c];
        invStd = new double[c];
        double[] var = new double[c];
        for (int i = 0; i < c; i++) {
            batchMean[i] = s[i] / rows;
            var[i] = Math.max(0, s2[i] / rows - batchMean[i] * batchMean[i]);
            invStd[i] = 1 / Math.sqrt(var[i] + EPS);
        }
        INDArray meanArr = vector(batchMean);
        INDArray varArr = vector(var);
        affine(x, meanArr, varArr, gamma, beta, out);
        double unbias = rows > 1 ? (double) rows / (rows - 1) : 1.0;
        runningMean.muli(1 - MOMENTUM).addi(meanArr.muli(MOMENTUM));
        runningVar.muli(1 - MOMENTUM).addi(varArr.muli(MOMENTUM * unbias));
        return out;
    }

    /** out = gamma * (x - mean) / sqrt(var + eps) + beta, per channel, in one native pass. */
    private static void affine(INDArray x, INDArray mean, INDArray var, INDArray gamma, INDArray beta, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("batchnorm")
                .addInputs(x, mean, var, gamma, beta).addOutputs(out)
                .addIntegerArguments(1, 1, x.rank() - 1).addFloatingPointArguments(EPS).build());
    }

    @Override
    INDArray backward(INDArray gradOut, boolean needInputGrad) {
        int c = channels();
        long rows = lastInput.length() / c;
        INDArray x = lastInput.reshape('c', rows, c);
        INDArray dy = gradOut.reshape('c', rows, c);
        INDArray ones = buffers.ones("ones", 1, rows);
        INDArray sum = buffers.get("sum", 1, c);
        INDArray products = buffers.get("squares", rows, c);

        Nd4j.gemm(ones, dy, sum, false, false, 1.0, 0.0);
        double[] dBeta = sum.toDoubleVector();
        dy.mul(x, products);
        Nd4j.gemm(ones, products, sum, false, false, 1.0, 0.0);
        double[] sumDyX = sum.toDoubleVector();
        double[] g = gamma.toDoubleVector();

        // dx = a*dy + b*x + k per channel, from dx = g*s*(dy - mean(dy) - xhat*mean(dy*xhat))
        double[] dGamma = new double[c], a = new double[c], b = new double[c], k = new double[c];
        for (int i = 0; i < c; i++) {
            double s = invStd[i];
            dGamma[i] = s * (sumDyX[i] - batchMean[i] * dBeta[i]);
            a[i] = g[i] * s;
            b[i] = -g[i] * s * s * dGamma[i] / rows;
            k[i] = -a[i] * dBeta[i] / rows - b[i] * batchMean[i];
        }
        gammaGrad.assign(vector(dGamma));
        betaGrad.assign(vector(dBeta));
        if (!needInputGrad) {
            return null;
        }
        INDArray zero = buffers.zeros("zero", c);
        INDArray unit = buffers.get("unit", c).assign(1 - EPS); // so that sqrt(var + eps) = 1
        INDArray gradIn = buffers.get("gradIn", lastInput.shape());
        affine(gradOut, zero, unit, vector(a), vector(k), gradIn);
        INDArray xTerm = buffers.get("xTerm", lastInput.shape());
        affine(lastInput, zero, unit, vector(b), zero, xTerm);
        return gradIn.addi(xTerm);
    }

    private INDArray vector(double[] v) {
        return Nd4j.createFromArray(v).castTo(dataType);
    }

    @Override
    public INDArray state() {
        return Nd4j.concat(0, runningMean, runningVar);
    }
}
