package org.trainlab.data;

import java.util.Objects;

import org.trainlab.experiment.settings.NormalizationKind;

/**
 * §5 input normalization, x' = (x - mean) / std, on pixels scaled to [0, 1].
 *
 * @param mean subtracted from every pixel
 * @param std  divides every pixel after the mean is removed; positive
 */
public record NormalizationStats(double mean, double std) {

    /** The tutorial's figures, computed on the full 60,000-image MNIST training set. */
    public static final NormalizationStats FIXED_MNIST = new NormalizationStats(0.1307, 0.3081);

    /** Leaves pixels unchanged. */
    public static final NormalizationStats IDENTITY = new NormalizationStats(0, 1);

    public NormalizationStats {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("NormalizationStats.mean must be finite, was " + mean);
        }
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("NormalizationStats.std must be positive and finite, was " + std);
        }
    }

    /**
     * Mean and population standard deviation of every pixel of {@code data}, scaled to [0, 1] (the
     * usual torchvision recipe). Exact: pixels are counted per byte value, then summed in two passes
     * over the 256 values, so no long sum of floats loses precision.
     */
    public static NormalizationStats of(Dataset data) {
        long[] histogram = data.pixelHistogram();
        long n = 0;
        long sum = 0;
        for (int v = 0; v < 256; v++) {
            n += histogram[v];
            sum += histogram[v] * v;
        }
        if (n == 0) {
            throw new IllegalArgumentException(data.name() + ": no pixels to compute normalization statistics from");
        }
        double mean = sum / 255.0 / n;
        double squares = 0;
        for (int v = 0; v < 256; v++) {
            double d = v / 255.0 - mean;
            squares += histogram[v] * d * d;
        }
        double std = Math.sqrt(squares / n);
        if (std == 0) {
            throw new IllegalArgumentException(data.name() + ": every pixel has the same value, so the std is 0"
                    + " and normalization would divide by zero");
        }
        return new NormalizationStats(mean, std);
    }

    /** The statistics a run uses: the training split's own for TRAINING_SPLIT, never the held-out split's. */
    public static NormalizationStats resolve(NormalizationKind kind, Dataset train) {
        Objects.requireNonNull(kind, "NormalizationSettings.kind");
        return switch (kind) {
            case NONE -> IDENTITY;
            case FIXED_MNIST -> FIXED_MNIST;
            case TRAINING_SPLIT -> of(train);
        };
    }

    /** Normalizes {@code length} floats in place, starting at {@code offset}. */
    public void apply(float[] values, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, values.length);
        float m = (float) mean;
        float inv = (float) (1.0 / std);
        for (int k = offset; k < offset + length; k++) {
            values[k] = (values[k] - m) * inv;
        }
    }

    public boolean isIdentity() {
        return mean == 0 && std == 1;
    }
}
