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

    /** Hands every event to {@code first}, then {@code second}; the second hears it even if the first throws. */
    static TrainingListener both(TrainingListener first, TrainingListener second) {
        return new TrainingListener() {
            @Override
            public void onStateChanged(RunState state, String message) {
                try {
                    first.onStateChanged(state, message);
                } finally {
                    second.onStateChanged(state, message);
                }
            }

            @Override
            public void onPrepared(RunInfo info) {
                try {
                    first.onPrepared(info);
                } finally {
                    second.onPrepared(info);
                }
            }

            @Override
            public void onDownload(String file, long done, long total) {
                try {
                    first.onDownload(file, done, total);
                } finally {
                    second.onDownload(file, done, total);
                }
            }

            @Override
            public void onBatch(BatchMetrics metrics) {
                try {
                    first.onBatch(metrics);
                } finally {
                    second.onBatch(metrics);
                }
            }

            @Override
            public void onEpoch(EpochMetrics metrics) {
                try {
                    first.onEpoch(metrics);
                } finally {
                    second.onEpoch(metrics);
                }
            }
        };
    }

    /** Passes events to {@code inner} only while {@code open} says so (e.g. until its session closes). */
    static TrainingListener gated(java.util.function.BooleanSupplier open, TrainingListener inner) {
        return new TrainingListener() {
            @Override
            public void onStateChanged(RunState state, String message) {
                if (open.getAsBoolean()) {
                    inner.onStateChanged(state, message);
                }
            }

            @Override
            public void onPrepared(RunInfo info) {
                if (open.getAsBoolean()) {
                    inner.onPrepared(info);
                }
            }

            @Override
            public void onDownload(String file, long done, long total) {
                if (open.getAsBoolean()) {
                    inner.onDownload(file, done, total);
                }
            }

            @Override
            public void onBatch(BatchMetrics metrics) {
                if (open.getAsBoolean()) {
                    inner.onBatch(metrics);
                }
            }

            @Override
            public void onEpoch(EpochMetrics metrics) {
                if (open.getAsBoolean()) {
                    inner.onEpoch(metrics);
                }
            }
        };
    }
}
