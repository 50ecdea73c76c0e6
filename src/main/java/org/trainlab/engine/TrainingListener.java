package org.trainlab.engine;

import org.trainlab.experiment.BatchMetrics;
import org.trainlab.experiment.EpochMetrics;
import org.trainlab.experiment.RunState;

/**
 * Receives a run's progress as immutable records, on the run's own thread: implementations hand the
 * records on (to a queue, a file) and return quickly. Knows no JavaFX and no DL4J type. An exception
 * thrown here is logged and ignored; it never ends the run.
 */
public interface TrainingListener {

    /** The run moved to a new state; {@code message} says why when it ended early. */
    default void onStateChanged(RunState state, String message) {
    }

    /** Data loaded, network built: the facts the run's record needs. */
    default void onPrepared(RunInfo info) {
    }

    /** A dataset file is downloading: bytes done of total (-1 when unknown). */
    default void onDownload(String file, long done, long total) {
    }

    default void onBatch(BatchMetrics metrics) {
    }

    default void onEpoch(EpochMetrics metrics) {
    }

    TrainingListener NONE = new TrainingListener() {
    };
}
