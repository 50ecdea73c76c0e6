package org.trainlab.experiment.settings;

/** Learning-rate schedules (PyTorch's names in brackets). */
public enum SchedulerKind {
    /** Constant learning rate. */
    NONE,
    /** lr * gamma^(epoch / stepSize) (StepLR). */
    STEP,
    /** lr * gamma^(milestones passed) (MultiStepLR). */
    MULTI_STEP,
    /** lr * gamma^epoch (ExponentialLR). */
    EXPONENTIAL,
    /** Reduce by factor when the held-out loss stops improving (ReduceLROnPlateau). */
    REDUCE_ON_PLATEAU,
    /** Cosine annealing to etaMin over tMax epochs (CosineAnnealingLR). */
    COSINE,
    /** Linear warm-up from startFactor to 1 over warmupEpochs (LinearLR). */
    WARMUP
}
