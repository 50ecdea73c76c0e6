package org.trainlab.ui.runs;

import java.util.Arrays;

/**
 * Time left in a run, from the wall time of its whole epochs: first batch of one epoch to first batch
 * of the next, so held-out evaluation, the epoch's records and anything else between the batches
 * count as they do for the person waiting. Batch throughput alone leaves those out (a run of 300
 * digits with 2,000 held out spends more time evaluating than training). Until a whole epoch has been
 * seen, the caller's batch-based estimate stands in. Plain state on the thread that feeds it; times
 * are {@link System#nanoTime()} values passed in, so tests drive it with a fake clock.
 */
public final class EpochClock {

    /** The estimate takes the median of the last few epochs, the first left out once there is another. */
    static final int EPOCHS_KEPT = 3;

    private final double[] periods = new double[EPOCHS_KEPT];
    private int periodCount;
    private double firstPeriod = Double.NaN; // slower than the rest: code not yet compiled, arrays made
    private int epoch;
    private long epochStartNanos;
    private boolean startValid;

    /**
     * A batch ended at {@code nanos}.
     *
     * @return seconds left in the run (of {@code epochs}), or NaN before one whole epoch was timed
     */
    public double onBatch(int epoch, int batch, int epochs, long nanos) {
        if (epoch != this.epoch || batch == 1) {
            if (startValid && epoch == this.epoch + 1 && batch == 1) {
                double period = (nanos - epochStartNanos) / 1e9;
                if (Double.isNaN(firstPeriod)) {
                    firstPeriod = period;
                } else {
                    periods[periodCount % EPOCHS_KEPT] = period;
                    periodCount++;
                }
            }
            this.epoch = epoch;
            epochStartNanos = nanos;
            startValid = batch == 1; // an epoch joined midway cannot be timed
        }
        return secondsLeft(epochs, nanos);
    }

    /** A pause or a restart: the epoch in progress can no longer be timed whole. */
    public void interrupted() {
        startValid = false;
    }

    /** Seconds a whole epoch takes (median of the last few but the first), or NaN before one was timed. */
    public double epochSeconds() {
        if (periodCount == 0) {
            return firstPeriod;
        }
        double[] last = Arrays.copyOf(periods, Math.min(periodCount, EPOCHS_KEPT));
        Arrays.sort(last);
        int n = last.length;
        return n % 2 == 1 ? last[n / 2] : (last[n / 2 - 1] + last[n / 2]) / 2;
    }

    private double secondsLeft(int epochs, long nanos) {
        double period = epochSeconds();
        if (Double.isNaN(period)) {
            return Double.NaN;
        }
        double intoEpoch = startValid ? (nanos - epochStartNanos) / 1e9 : 0;
        return Math.max(0, epochs - epoch) * period + Math.max(0, period - intoEpoch);
    }
}
