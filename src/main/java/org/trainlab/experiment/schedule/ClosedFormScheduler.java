package org.trainlab.experiment.schedule;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.trainlab.experiment.settings.SchedulerSettings;

/**
 * §4 schedules whose rate is a function of the epoch count alone, using PyTorch's closed forms
 * ({@code _get_closed_form_lr}). PyTorch steps them by chained multiplication, which agrees with
 * these up to rounding; the closed forms do not accumulate rounding over long runs.
 */
final class ClosedFormScheduler implements LrScheduler {

    private final IntToDoubleFunction lrAtEpoch;
    private int epoch;

    ClosedFormScheduler(IntToDoubleFunction lrAtEpoch) {
        this.lrAtEpoch = lrAtEpoch;
    }

    @Override
    public double currentLr() {
        return lrAtEpoch.applyAsDouble(epoch);
    }

    @Override
    public void step(double monitoredValue) {
        epoch++;
    }

    /** The rate for 0-based epoch e, starting from lr0. */
    static IntToDoubleFunction formula(SchedulerSettings s, double lr0) {
        return switch (s.kind()) {
            case NONE -> e -> lr0;
            case STEP -> e -> lr0 * Math.pow(s.gamma(), e / s.stepSize());
            case MULTI_STEP -> e -> lr0 * Math.pow(s.gamma(), milestonesReached(s.milestones(), e));
            case EXPONENTIAL -> e -> lr0 * Math.pow(s.gamma(), e);
            // past tMax the cosine carries on and climbs back to lr0 at 2 * tMax, as PyTorch's
            // recursive CosineAnnealingLR does; it does not hold at etaMin
            case COSINE -> e -> s.etaMin() + (lr0 - s.etaMin()) * (1 + Math.cos(Math.PI * e / s.tMax())) / 2;
            // LinearLR with end_factor 1 and total_iters = warmupEpochs
            case WARMUP -> e -> lr0 * (s.warmupStartFactor()
                    + (1 - s.warmupStartFactor()) * Math.min(e, s.warmupEpochs()) / s.warmupEpochs());
            case REDUCE_ON_PLATEAU -> throw new IllegalArgumentException("REDUCE_ON_PLATEAU depends on the losses");
        };
    }

    /** Python's bisect_right: how many milestones are at or before epoch e. */
    private static int milestonesReached(List<Integer> milestones, int e) {
        int count = 0;
        for (int milestone : milestones) {
            if (milestone <= e) {
                count++;
            }
        }
        return count;
    }
}
