package org.trainlab.ui.charts;

import java.util.Arrays;

/**
 * One run's clock: where its points, placed in epochs, fall in the run's wall-clock seconds (held-out
 * evaluation included, pauses excluded). Knots arrive as the run reports them, each batch point and each epoch's end
 * with its elapsed time; between knots time is interpolated linearly (the batches of an epoch take
 * about equally long), after the last one it goes on at the run's pace so far. A recorded run has
 * knots at its epochs' ends only. FX thread only.
 */
final class TimeScale {

    private double[] epochs = new double[32];
    private double[] seconds = new double[32];
    /** Knots in use; the first is always (0, 0). */
    private int count = 1;

    void clear() {
        count = 1;
    }

    /** Adds a knot; one that does not move forward in both epochs and seconds is ignored. */
    void add(double epoch, double elapsedSeconds) {
        if (!Double.isFinite(epoch) || !Double.isFinite(elapsedSeconds) || epoch <= epochs[count - 1]
                || elapsedSeconds <= seconds[count - 1]) {
            return;
        }
        if (count == epochs.length) {
            epochs = Arrays.copyOf(epochs, count * 2);
            seconds = Arrays.copyOf(seconds, count * 2);
        }
        epochs[count] = epoch;
        seconds[count] = elapsedSeconds;
        count++;
    }

    /** Seconds of training at {@code epoch}; NaN while the run has reported no time. */
    double seconds(double epoch) {
        return map(epoch, epochs, seconds);
    }

    /** The epoch (fractional) reached after {@code elapsedSeconds}; NaN while the run has reported no time. */
    double epochs(double elapsedSeconds) {
        return map(elapsedSeconds, seconds, epochs);
    }

    /** The latest time reported, 0 when none. */
    double lastSeconds() {
        return seconds[count - 1];
    }

    private double map(double value, double[] from, double[] to) {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        if (count < 2) {
            return value == 0 ? 0 : Double.NaN;
        }
        if (value > from[count - 1]) {
            // past the last knot at the run's pace so far: steadier than its last segment's
            return to[count - 1] + (value - from[count - 1]) * to[count - 1] / from[count - 1];
        }
        // the segment holding value: the last knot at or before it
        int at = Arrays.binarySearch(from, 0, count, value);
        int lo = at >= 0 ? Math.min(at, count - 2) : Math.max(0, Math.min(-at - 2, count - 2));
        double span = from[lo + 1] - from[lo];
        if (span == 0) {
            return to[lo];
        }
        return to[lo] + (value - from[lo]) * (to[lo + 1] - to[lo]) / span;
    }
}
