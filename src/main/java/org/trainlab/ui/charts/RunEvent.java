package org.trainlab.ui.charts;

import org.trainlab.engine.RunInfo;
import org.trainlab.experiment.BatchMetrics;
import org.trainlab.experiment.EpochMetrics;
import org.trainlab.experiment.ExperimentSettings;
import org.trainlab.experiment.RunState;

/** What a run reports, as queued from the training thread and drained on the FX thread. */
public sealed interface RunEvent {

    /** A new run was submitted: clear the curves. {@code plannedLr} has one rate per epoch, or none. */
    record Started(ExperimentSettings settings, double[] plannedLr) implements RunEvent {
    }

    record StateChanged(RunState state, String message) implements RunEvent {
    }

    record Prepared(RunInfo info) implements RunEvent {
    }

    record Download(String file, long done, long total) implements RunEvent {
    }

    /** @param nanos {@link System#nanoTime()} when the batch ended, for throughput */
    record Batch(BatchMetrics metrics, long nanos) implements RunEvent {
    }

    record Epoch(EpochMetrics metrics) implements RunEvent {
    }
}
