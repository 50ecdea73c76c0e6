package org.trainlab.ui.charts;

import org.trainlab.engine.RunInfo;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;

/**
 * What reaches the FX thread from other threads, as queued there and drained on the FX thread: what
 * each run reports, tagged with the session run it belongs to, and that the session changed.
 */
public sealed interface RunEvent {

    /** The session run the event belongs to; null for {@link SessionChanged}. */
    String runId();

    /** A run was handed to the trainer: its curves start afresh. */
    record Started(String runId, ExperimentSettings settings) implements RunEvent {
    }

    record StateChanged(String runId, RunState state, StateNote note) implements RunEvent {
    }

    record Prepared(String runId, RunInfo info) implements RunEvent {
    }

    record Download(String runId, String file, long done, long total) implements RunEvent {
    }

    /** @param nanos {@link System#nanoTime()} when the batch ended, for throughput */
    record Batch(String runId, BatchMetrics metrics, long nanos) implements RunEvent {
    }

    record Epoch(String runId, EpochMetrics metrics) implements RunEvent {
    }

    /** The session changed on another thread (an epoch was recorded, a state changed): read it again. */
    record SessionChanged() implements RunEvent {
        @Override
        public String runId() {
            return null;
        }
    }
}
