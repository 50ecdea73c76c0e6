package org.trainlab.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.SplittableRandom;
import java.util.Arrays;

/**
 * §7 batch normalization over the last (channel or feature) axis, with PyTorch's defaults: eps 1e-5,
 * running statistics updated with momentum 0.1 (the running variance unbiased). Training mode
 * normalizes with the batch's statistics, inference mode with the running ones (the tutorial's
 * {@code model.eval()}).
 *
 * <p>Speed: for large activations, per-channel sums are matrix products with a row of ones (BLAS),
 * and every full-size pass is libnd4j's oneDNN {@code batchnorm} op used as a per-channel affine map
 * y = a*x + b (mean 0, variance 1 - eps); libnd4j's own {@code batchnorm_bp} and axis-0 reductions
 * measured 5 to 10 times slower on NHWC activations. Small activations (the fc layers) are done in
 * plain Java, where a dozen native calls would cost more than the arithmetic.
 *
 * <p>Accuracy: the variance is the mean of the centred squares, (x - mean)^2, as PyTorch takes it, and
 * every per-channel sum adds float sums of a few hundred rows in double ({@link #channelSums}). A float
 * sum of x^2 over all rows less the squared mean loses digits to cancellation when a channel's mean is
 * large against its spread: at a mean of five deviations the outputs were off by 1e-4 to 4e-4
 * ({@code BatchNormTest}, which now holds them to 1e-5).
 */
final class BatchNorm extends Layer {

    static final double EPS = 1e-5;
    static final double MOMENTUM = 0.1;
    /** Up to this many values, Java loops beat native calls (measured: docs/performance.md). */
    static final long SMALL = 16_384;

    private INDArray gamma, beta, gammaGrad, betaGrad;
    private double[] runningMean, runningVar;
    private INDArray runningMeanArr, runningVarArr;
    private boolean runningDirty = true;
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
        runningMean = new double[c];
        runningVar = new double[c];
    }

    @Override
    void initialize(WeightInit init, SplittableRandom random) {
        Ops.set(gamma, 1);
        Ops.set(beta, 0);
        Arrays.fill(runningMean, 0);
        Arrays.fill(runningVar, 1);
        runningDirty = true;
    }

    @Override
    INDArray forward(INDArray x, boolean training, StepKey step) {
        INDArray out = buffers.get("out", x.shape());
        int c = channels();
        if (!training) {
            if (runningDirty) {
                runningMeanArr = vector(runningMean);
                runningVarArr = vector(runningVar);
                runningDirty = false;
            }
            affine(x, runningMeanArr, runningVarArr, gamma, beta, out);
            return out;
        }
        lastInput = x;
        long rows = x.length() / c;
        double[] var = new double[c];
        batchMean = new double[c];
        invStd = new double[c];
        if (x.length() <= SMALL) {
            double[] v = x.reshape(x.length()).toDoubleVector();
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < c; i++) {
                    batchMean[i] += v[r * c + i];
                }
            }
            for (int i = 0; i < c; i++) {
                batchMean[i] /= rows;
            }
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < c; i++) {
                    double d = v[r * c + i] - batchMean[i];
                    var[i] += d * d;
                }
            }
            for (int i = 0; i < c; i++) {
                var[i] /= rows;
                invStd[i] = 1 / Math.sqrt(var[i] + EPS);
            }
            double[] g = gamma.toDoubleVector(), b = beta.toDoubleVector();
            double[] o = new double[v.length];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < c; i++) {
                    o[r * c + i] = g[i] * (v[r * c + i] - batchMean[i]) * invStd[i] + b[i];
                }
            }
            out.data().setData(o);
        } else {
            INDArray rowsByChannel = x.reshape('c', rows, c);
            double[] s = channelSums(rowsByChannel);
            for (int i = 0; i < c; i++) {
                batchMean[i] = s[i] / rows;
            }
            INDArray mean = vector(batchMean);
            // the sum of squares of the centred values: a float sum of squares less the squared mean cancels
            INDArray squares = work().scratch(rows, c);
            Ops.run(DynamicCustomOp.builder("squaredsubtract").addInputs(rowsByChannel, mean).addOutputs(squares).build());
            double[] s2 = channelSums(squares);
            for (int i = 0; i < c; i++) {
                var[i] = s2[i] / rows;
                invStd[i] = 1 / Math.sqrt(var[i] + EPS);
            }
            affine(x, mean, vector(var), gamma, beta, out);
        }
        double unbias = rows > 1 ? (double) rows / (rows - 1) : 1.0;
        for (int i = 0; i < c; i++) {
            runningMean[i] = (1 - MOMENTUM) * runningMean[i] + MOMENTUM * batchMean[i];
            runningVar[i] = (1 - MOMENTUM) * runningVar[i] + MOMENTUM * var[i] * unbias;
        }
        runningDirty = true;
        return out;
    }

    /**
     * Per channel, the sum of a [rows, channels] array's column, in double. One matrix product with a row of
     * ones sums blocks of rows: viewed as [rows / k, k x channels], each of the k x channels sums runs over
     * rows / k values only (k up to 256, dividing the rows), so a float sum adds up a few hundred values, not
     * every row, and the k partial sums per channel are added here in double. Summed over all 50,176 rows of
     * a batch of 64 at once, the float sum of a channel whose mean is five deviations from zero lost enough
     * digits to move the outputs by 4e-4 with one thread ({@code BatchNormTest}).
     */
    private double[] channelSums(INDArray rowsByChannel) {
        long rows = rowsByChannel.size(0);
        int c = channels();
        long k = gcd(rows, 256);
        INDArray blocks = rowsByChannel.reshape('c', rows / k, k * c);
        INDArray ones = buffers.ones("ones", 1, rows / k);
        INDArray partial = buffers.get("partial", 1, k * c);
        Nd4j.gemm(ones, blocks, partial, false, false, 1.0, 0.0);
        double[] p = partial.toDoubleVector();
        double[] sums = new double[c];
        for (int j = 0; j < p.length; j++) {
            sums[j % c] += p[j];
        }
        return sums;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** out = gamma * (x - mean) / sqrt(var + eps) + beta, per channel, in one native pass. */
    private static void affine(INDArray x, INDArray mean, INDArray var, INDArray gamma, INDArray beta, INDArray out) {
        Ops.run(DynamicCustomOp.builder("batchnorm")
                .addInputs(x, mean, var, gamma, beta).addOutputs(out)
                .addIntegerArguments(1, 1, x.rank() - 1).addFloatingPointArguments(EPS).build());
    }

    @Override
    INDArray backward(INDArray gradOut, boolean needInputGrad) {
        int c = channels();
        long rows = lastInput.length() / c;
        boolean small = lastInput.length() <= SMALL;
        double[] xv = null, dyv = null;
        double[] dBeta = new double[c], sumDyXc = new double[c];
        if (small) {
            xv = lastInput.reshape(lastInput.length()).toDoubleVector();
            dyv = gradOut.reshape(gradOut.length()).toDoubleVector();
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < c; i++) {
                    dBeta[i] += dyv[r * c + i];
                    sumDyXc[i] += dyv[r * c + i] * (xv[r * c + i] - batchMean[i]);
                }
            }
        } else {
            INDArray dy = gradOut.reshape('c', rows, c);
            dBeta = channelSums(dy);
            // the sum of dy * x less the mean times the sum of dy: unlike the variance's, this difference loses
            // no more than the float sums themselves do (BatchNormTest measured the same input gradients and
            // scale gradients as close as from a sum of dy * (x - mean), which costs another pass)
            INDArray products = work().scratch(rows, c);
            Ops.mul(dy, lastInput.reshape('c', rows, c), products);
            sumDyXc = channelSums(products);
            for (int i = 0; i < c; i++) {
                sumDyXc[i] -= batchMean[i] * dBeta[i];
            }
        }
        double[] g = gamma.toDoubleVector();

        // dx = a*dy + b*x + k per channel, from dx = g*s*(dy - mean(dy) - xhat*mean(dy*xhat))
        double[] dGamma = new double[c], a = new double[c], b = new double[c], k = new double[c];
        for (int i = 0; i < c; i++) {
            double s = invStd[i];
            dGamma[i] = s * sumDyXc[i];
            a[i] = g[i] * s;
            b[i] = -g[i] * s * s * dGamma[i] / rows;
            k[i] = -a[i] * dBeta[i] / rows - b[i] * batchMean[i];
        }
        Ops.assign(gammaGrad, vector(dGamma));
        Ops.assign(betaGrad, vector(dBeta));
        if (!needInputGrad) {
            return null;
        }
        INDArray gradIn = work().gradient(lastInput.shape());
        if (small) {
            double[] d = new double[xv.length];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < c; i++) {
                    d[r * c + i] = a[i] * dyv[r * c + i] + b[i] * xv[r * c + i] + k[i];
                }
            }
            gradIn.data().setData(d);
            return gradIn;
        }
        INDArray zero = buffers.zeros("zero", c);
        INDArray unit = Ops.set(buffers.get("unit", c), 1 - EPS); // so that sqrt(var + eps) = 1
        affine(gradOut, zero, unit, vector(a), vector(k), gradIn);
        INDArray xTerm = work().scratch(lastInput.shape());
        affine(lastInput, zero, unit, vector(b), zero, xTerm);
        return Ops.addi(gradIn, xTerm);
    }

    private INDArray vector(double[] v) {
        return Nd4j.create(v, new long[] {v.length}, dataType); // no cast operation (see Ops)
    }

    /** Running mean then running variance. */
    @Override
    int restoreState(double[] values, int from) {
        int c = channels();
        if (values.length < from + 2 * c) {
            throw new IllegalArgumentException("batch norm needs " + 2 * c + " running-state values, " + (values.length - from) + " left");
        }
        System.arraycopy(values, from, runningMean, 0, c);
        System.arraycopy(values, from + c, runningVar, 0, c);
        runningDirty = true;
        return 2 * c;
    }

    @Override
    public INDArray state() {
        return Nd4j.concat(0, vector(runningMean), vector(runningVar));
    }
}
