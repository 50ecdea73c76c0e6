package org.trainlab.ui.charts;

/**
 * An exponential moving average with TensorBoard's bias correction, fed one value at a time: the
 * accumulator starts at 0 and is divided by {@code 1 - w^t} after the t-th value, so the first
 * smoothed value equals the first raw value instead of being pulled towards zero. A value that is not
 * a number passes through unsmoothed and leaves the average as it was (a diverged batch).
 */
final class DebiasedEma {

    private double weight;
    private double accumulator;
    /** {@code w^t} after t values, kept as a running product instead of a power per value. */
    private double decay = 1;

    DebiasedEma(double weight) {
        reset(weight);
    }

    /** Starts over with this weight, clamped to 0 (no smoothing) .. 0.999. */
    void reset(double weight) {
        this.weight = Double.isFinite(weight) ? Math.max(0, Math.min(0.999, weight)) : 0;
        accumulator = 0;
        decay = 1;
    }

    /** Starts over with the same weight. */
    void reset() {
        reset(weight);
    }

    /** The smoothed value after {@code value}. */
    double add(double value) {
        if (!Double.isFinite(value)) {
            return value;
        }
        accumulator = accumulator * weight + (1 - weight) * value;
        decay *= weight;
        return accumulator / (1 - decay);
    }
}
