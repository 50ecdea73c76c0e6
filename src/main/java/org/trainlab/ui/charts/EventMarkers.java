package org.trainlab.ui.charts;

import java.util.ArrayList;
import java.util.List;

import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.SchedulerKind;

/**
 * The events of a run worth a line on the time axis, computed from its finished epochs: each change of
 * the learning rate with the scheduler's reason, the epoch with the best held-out accuracy, and where
 * the run diverged. A change sits at the end of the epoch after which the scheduler stepped; schedules
 * that change the rate every epoch (exponential, cosine, warm-up) get no change markers, which would
 * only fill the chart.
 */
public final class EventMarkers {

    public enum Kind {
        /** StepLR: every step size epochs. */
        LR_STEP,
        /** MultiStepLR: a milestone reached. */
        LR_MILESTONE,
        /** ReduceLROnPlateau: the held-out loss stopped improving. */
        LR_PLATEAU,
        /** The best held-out accuracy. */
        BEST,
        /** The loss stopped being a number. */
        DIVERGED
    }

    /**
     * One event.
     *
     * @param x     where on the x axis, in epochs
     * @param epoch the epoch it belongs to (1-based)
     * @param from  the learning rate before a change, or the best accuracy; NaN otherwise
     * @param to    the learning rate after a change; NaN otherwise
     */
    public record Marker(Kind kind, double x, int epoch, double from, double to) {
    }

    private EventMarkers() {
    }

    /**
     * @param scheduler  the run's schedule
     * @param epochs     its finished epochs, in order
     * @param divergedAt where (in epochs) a batch loss stopped being a number, NaN when none did
     */
    public static List<Marker> of(SchedulerKind scheduler, List<EpochMetrics> epochs, double divergedAt) {
        List<Marker> markers = new ArrayList<>();
        Kind reason = switch (scheduler == null ? SchedulerKind.NONE : scheduler) {
            case STEP -> Kind.LR_STEP;
            case MULTI_STEP -> Kind.LR_MILESTONE;
            case REDUCE_ON_PLATEAU -> Kind.LR_PLATEAU;
            default -> null;
        };
        EpochMetrics best = null;
        double diverged = divergedAt;
        for (int i = 0; i < epochs.size(); i++) {
            EpochMetrics e = epochs.get(i);
            // the rate after the step; older files may lack it, then the next epoch's rate says it
            double next = Double.isFinite(e.nextLearningRate()) ? e.nextLearningRate()
                    : i + 1 < epochs.size() ? epochs.get(i + 1).learningRate() : Double.NaN;
            if (reason != null && Double.isFinite(e.learningRate()) && Double.isFinite(next)
                    && Math.abs(next - e.learningRate()) > 1e-12 * Math.abs(e.learningRate())) {
                markers.add(new Marker(reason, e.epoch(), e.epoch(), e.learningRate(), next));
            }
            boolean finite = Double.isFinite(e.testLoss()) && Double.isFinite(e.trainLoss());
            if (finite && Double.isFinite(e.testAccuracy()) && (best == null || e.testAccuracy() > best.testAccuracy())) {
                best = e;
            }
            if (!finite && Double.isNaN(diverged)) {
                diverged = e.epoch();
            }
        }
        if (best != null) {
            markers.add(new Marker(Kind.BEST, best.epoch(), best.epoch(), best.testAccuracy(), Double.NaN));
        }
        if (!Double.isNaN(diverged)) {
            markers.add(new Marker(Kind.DIVERGED, diverged, (int) Math.ceil(Math.max(diverged, 1)), Double.NaN,
                    Double.NaN));
        }
        markers.sort(java.util.Comparator.comparingDouble(Marker::x));
        return List.copyOf(markers);
    }
}
