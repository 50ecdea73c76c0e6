package org.trainlab.session;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.trainlab.experiment.record.EpochMetrics;

/**
 * The timing of a finished run replayed onto the charts: when each loss point and each epoch's metrics
 * appear, at a chosen speed. Pure and immutable; a window drives it from an animation timer, asks
 * {@link #at(double)} how much is visible after so many seconds, and adds what is new since the last frame.
 *
 * <p>Original time: epoch k ends at its {@code elapsedSeconds} (training time, pauses excluded) and
 * step {@code iteration}; loss points between two epoch ends are placed by linear interpolation in
 * iterations, as the batches of an epoch take about equally long. Points after the last finished epoch
 * (a run stopped mid-epoch) continue at the last epoch's pace. Elapsed times that go backwards or are
 * not numbers are held at the previous epoch's time. A run with losses but no finished epoch counts as
 * one epoch lasting one original second.
 */
public final class Replay {

    /** How fast to replay. */
    public record Speed(Pace pace, double value) {
        public Speed {
            Objects.requireNonNull(pace, "pace");
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("replay speed must be a positive number, got " + value);
            }
        }

        /** {@code factor} times as fast as the run trained: 1 is real time, 10 ten times faster. */
        public static Speed timesOriginal(double factor) {
            return new Speed(Pace.TIMES_ORIGINAL, factor);
        }

        /** A fixed number of epochs per second, whatever the run's own pace. */
        public static Speed epochsPerSecond(double epochs) {
            return new Speed(Pace.EPOCHS_PER_SECOND, epochs);
        }
    }

    public enum Pace { TIMES_ORIGINAL, EPOCHS_PER_SECOND }

    /**
     * What is visible at one moment of the replay.
     *
     * @param epochs     how many epochs (from the first) have appeared
     * @param lossPoints how many loss points (from the first) have appeared
     * @param finished   whether everything has appeared
     */
    public record Frame(int epochs, int lossPoints, boolean finished) {
    }

    private final List<EpochMetrics> epochs;
    private final List<LossPoint> losses;
    private final double[] epochTimes;
    private final double[] lossTimes;
    private final double duration;

    private Replay(List<EpochMetrics> epochs, List<LossPoint> losses, Speed speed) {
        this.epochs = List.copyOf(epochs);
        this.losses = List.copyOf(losses);
        int n = epochs.size();
        // knots: (iteration, replay time) at the start and at the end of every epoch
        long[] knotIterations = new long[n + 1];
        double[] knotTimes = new double[n + 1];
        for (int k = 1; k <= n; k++) {
            EpochMetrics e = epochs.get(k - 1);
            knotIterations[k] = Math.max(knotIterations[k - 1], e.iteration());
            double original = speed.pace() == Pace.EPOCHS_PER_SECOND ? k / speed.value()
                    : e.elapsedSeconds() / speed.value();
            knotTimes[k] = Double.isNaN(original) ? knotTimes[k - 1] : Math.max(knotTimes[k - 1], original);
        }
        epochTimes = Arrays.copyOfRange(knotTimes, 1, n + 1);
        lossTimes = new double[losses.size()];
        double tailSecondsPerIteration = tailPace(knotIterations, knotTimes, losses, speed);
        int k = 1;
        for (int i = 0; i < losses.size(); i++) {
            long iteration = losses.get(i).iteration();
            while (k <= n && iteration > knotIterations[k]) {
                k++;
            }
            double t;
            if (k <= n) {
                long span = knotIterations[k] - knotIterations[k - 1];
                double fraction = span == 0 ? 1 : (double) (iteration - knotIterations[k - 1]) / span;
                t = knotTimes[k - 1] + fraction * (knotTimes[k] - knotTimes[k - 1]);
            } else {
                t = knotTimes[n] + (iteration - knotIterations[n]) * tailSecondsPerIteration;
            }
            lossTimes[i] = i > 0 ? Math.max(lossTimes[i - 1], t) : t;
        }
        double last = n > 0 ? epochTimes[n - 1] : 0;
        duration = lossTimes.length > 0 ? Math.max(last, lossTimes[lossTimes.length - 1]) : last;
    }

    /** Replays a run's finished epochs and loss curve. */
    public static Replay of(SessionRun run, Speed speed) {
        return of(run.epochs(), run.losses().points(), speed);
    }

    public static Replay of(List<EpochMetrics> epochs, List<LossPoint> losses, Speed speed) {
        Objects.requireNonNull(speed, "speed");
        return new Replay(epochs, losses, speed);
    }

    /** Seconds per iteration after the last epoch: the last epoch's pace, or one epoch per second-equivalent. */
    private static double tailPace(long[] iterations, double[] times, List<LossPoint> losses, Speed speed) {
        int n = iterations.length - 1;
        if (n > 0) {
            long span = iterations[n] - iterations[n - 1];
            return span == 0 ? 0 : (times[n] - times[n - 1]) / span;
        }
        long lastIteration = losses.isEmpty() ? 1 : Math.max(1, losses.get(losses.size() - 1).iteration());
        return 1.0 / speed.value() / lastIteration;
    }

    /** Seconds from the start of the replay until everything has appeared. */
    public double duration() {
        return duration;
    }

    /** When epoch {@code index} (0-based) appears, in seconds from the start. */
    public double epochTime(int index) {
        return epochTimes[index];
    }

    /** When loss point {@code index} (0-based) appears, in seconds from the start. */
    public double lossTime(int index) {
        return lossTimes[index];
    }

    /** What is visible {@code seconds} after the start (everything at or before that time). */
    public Frame at(double seconds) {
        int e = countUpTo(epochTimes, seconds);
        int l = countUpTo(lossTimes, seconds);
        return new Frame(e, l, e == epochTimes.length && l == lossTimes.length);
    }

    public List<EpochMetrics> epochsUpTo(double seconds) {
        return epochs.subList(0, countUpTo(epochTimes, seconds));
    }

    public List<LossPoint> lossesUpTo(double seconds) {
        return losses.subList(0, countUpTo(lossTimes, seconds));
    }

    /** How many of the sorted times are at or before {@code t}. */
    private static int countUpTo(double[] times, double t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
