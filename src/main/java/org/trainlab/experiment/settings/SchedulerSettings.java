package org.trainlab.experiment.settings;

import java.util.List;

/**
 * §4 learning-rate schedule, stepped once at the end of every epoch with PyTorch's semantics. One
 * flat record; each kind reads only its own parameters (see {@link SchedulerKind}).
 *
 * @param kind           which schedule
 * @param stepSize       STEP: epochs between decays
 * @param gamma          STEP, MULTI_STEP, EXPONENTIAL: decay factor
 * @param milestones     MULTI_STEP: epochs at which to decay, strictly increasing
 * @param plateauMode    REDUCE_ON_PLATEAU: MIN (watch a loss) or MAX
 * @param factor         REDUCE_ON_PLATEAU: new lr = lr * factor
 * @param patience       REDUCE_ON_PLATEAU: bad epochs tolerated before reducing
 * @param threshold      REDUCE_ON_PLATEAU: what counts as an improvement
 * @param thresholdMode  REDUCE_ON_PLATEAU: REL or ABS
 * @param cooldown       REDUCE_ON_PLATEAU: epochs to wait after a reduction
 * @param minLr          REDUCE_ON_PLATEAU: floor for the learning rate
 * @param tMax           COSINE: half-period in epochs
 * @param etaMin         COSINE: the lowest learning rate
 * @param warmupEpochs   WARMUP: epochs of linear warm-up (PyTorch's LinearLR total_iters)
 * @param warmupStartFactor WARMUP: factor of the initial lr at epoch 0 (PyTorch's start_factor)
 */
public record SchedulerSettings(
        SchedulerKind kind,
        int stepSize,
        double gamma,
        List<Integer> milestones,
        PlateauMode plateauMode,
        double factor,
        int patience,
        double threshold,
        ThresholdMode thresholdMode,
        int cooldown,
        double minLr,
        int tMax,
        double etaMin,
        int warmupEpochs,
        double warmupStartFactor) {

    public SchedulerSettings {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** Switches schedule and keeps every parameter, so switching back restores them. */
    public SchedulerSettings withKind(SchedulerKind kind) {
        return new SchedulerSettings(kind, stepSize, gamma, milestones, plateauMode, factor, patience, threshold,
                thresholdMode, cooldown, minLr, tMax, etaMin, warmupEpochs, warmupStartFactor);
    }

    /** Whether REDUCE_ON_PLATEAU watches a value that should fall or rise. */
    public enum PlateauMode { MIN, MAX }

    /** Whether REDUCE_ON_PLATEAU's threshold is relative or absolute. */
    public enum ThresholdMode { REL, ABS }
}
