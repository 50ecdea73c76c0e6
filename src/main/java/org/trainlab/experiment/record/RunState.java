package org.trainlab.experiment.record;

/** Where a training run is in its life. */
public enum RunState {
    QUEUED, PREPARING, RUNNING, PAUSED,
    /** All epochs done. */
    COMPLETED,
    /** Stopped by the user; finished epochs are kept. */
    STOPPED,
    /** The loss became NaN or infinite; the run ended at that iteration. */
    DIVERGED,
    /** Could not run (bad data, out of memory, ...); the message says why. */
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == STOPPED || this == DIVERGED || this == FAILED;
    }
}
