package org.trainlab.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's per-batch training loss, decimated so a session stays small however long the run.
 *
 * <p>Every batch loss goes in; while the curve holds fewer than {@link #MAX_POINTS} points each point
 * is one batch. When it would hold more, neighbouring points are merged in pairs (their mean, at the
 * later iteration) and {@code stride} doubles, so each point is the mean of {@code stride} consecutive
 * batch losses ending at its iteration. The last point may cover fewer batches (the ones since the
 * last full point). A curve therefore has at most {@value #MAX_POINTS} points, spread evenly over the
 * whole run, and spikes are averaged rather than dropped (a NaN loss stays visible as NaN).
 *
 * @param stride how many batches each point averages: 1, 2, 4, ...
 * @param points in increasing iteration order
 */
public record LossCurve(int stride, List<LossPoint> points) {

    public static final int MAX_POINTS = 2000;

    public static final LossCurve EMPTY = new LossCurve(1, List.of());

    public LossCurve {
        if (stride < 1 || Integer.bitCount(stride) != 1) {
            throw new IllegalArgumentException("stride must be a power of two, was " + stride);
        }
        points = points == null ? List.of() : List.copyOf(points);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return points.isEmpty();
    }

    /**
     * Collects batch losses as they come; not thread-safe (one run's listener owns it). Memory and time
     * per batch are constant: at most {@link #MAX_POINTS} points are kept.
     */
    public static final class Builder {
        private final List<LossPoint> full = new ArrayList<>();
        private int stride = 1;
        private double pendingSum;
        private int pendingCount;
        private long pendingIteration;

        /** Adds one batch's loss; iterations must increase. */
        public void add(long iteration, double loss) {
            if (pendingCount > 0 ? iteration <= pendingIteration
                    : !full.isEmpty() && iteration <= full.get(full.size() - 1).iteration()) {
                throw new IllegalArgumentException("iteration " + iteration + " does not follow the previous one");
            }
            pendingSum += loss;
            pendingCount++;
            pendingIteration = iteration;
            if (pendingCount == stride) {
                full.add(new LossPoint(iteration, (float) (pendingSum / stride)));
                pendingSum = 0;
                pendingCount = 0;
                if (full.size() == MAX_POINTS) {
                    halve();
                }
            }
        }

        /** The curve so far, including the partly filled last point. */
        public LossCurve build() {
            List<LossPoint> points = new ArrayList<>(full.size() + 1);
            points.addAll(full);
            if (pendingCount > 0) {
                points.add(new LossPoint(pendingIteration, (float) (pendingSum / pendingCount)));
            }
            return new LossCurve(stride, points);
        }

        private void halve() {
            List<LossPoint> merged = new ArrayList<>(MAX_POINTS / 2);
            for (int i = 0; i + 1 < full.size(); i += 2) {
                LossPoint a = full.get(i);
                LossPoint b = full.get(i + 1);
                merged.add(new LossPoint(b.iteration(), (float) ((a.loss() + (double) b.loss()) / 2)));
            }
            full.clear();
            full.addAll(merged);
            stride *= 2;
        }
    }
}
