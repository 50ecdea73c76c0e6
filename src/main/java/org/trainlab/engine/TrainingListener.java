package org.trainlab.engine;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;

/**
 * Receives a run's progress as immutable records, on the run's own thread: implementations hand the
 * records on (to a queue, a file) and return quickly. Knows no JavaFX and no DL4J type. An exception
 * thrown here is logged and ignored; it never ends the run.
 */
public interface TrainingListener {

    /** The run moved to a new state; {@code note} says why when it ended early, else it is null. */
    default void onStateChanged(RunState state, StateNote note) {
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

    /**
     * What the network looks like inside after an epoch (confusion, mistakes, layer health, filters).
     * Sent just before that epoch's {@link #onEpoch}, and only when the run measures it
     * ({@code TrainingRun.setProbes}, on by default).
     */
    default void onInside(InsideEpoch inside) {
    }

    /** The network's weights after an epoch, a copy; sent just before that epoch's {@link #onEpoch}. */
    default void onWeights(TrainedWeights weights) {
    }

    TrainingListener NONE = new TrainingListener() {
    };

    /** Hands every event to {@code first}, then {@code second}; the second hears it even if the first throws. */
    static TrainingListener both(TrainingListener first, TrainingListener second) {
        return relay(call -> {
            try {
                call.accept(first);
            } finally {
                call.accept(second);
            }
        });
    }

    /** Passes events to {@code inner} only while {@code open} says so (e.g. until its session closes). */
    static TrainingListener gated(BooleanSupplier open, TrainingListener inner) {
        return relay(call -> {
            if (open.getAsBoolean()) {
                call.accept(inner);
            }
        });
    }

    /** A listener that hands each event, as a call to make on a listener, to {@code dispatch}. */
    private static TrainingListener relay(Consumer<Consumer<TrainingListener>> dispatch) {
        return new TrainingListener() {
            @Override
            public void onStateChanged(RunState state, StateNote note) {
                dispatch.accept(l -> l.onStateChanged(state, note));
            }

            @Override
            public void onPrepared(RunInfo info) {
                dispatch.accept(l -> l.onPrepared(info));
            }

            @Override
            public void onDownload(String file, long done, long total) {
                dispatch.accept(l -> l.onDownload(file, done, total));
            }

            @Override
            public void onBatch(BatchMetrics metrics) {
                dispatch.accept(l -> l.onBatch(metrics));
            }

            @Override
            public void onEpoch(EpochMetrics metrics) {
                dispatch.accept(l -> l.onEpoch(metrics));
            }

            @Override
            public void onInside(InsideEpoch inside) {
                dispatch.accept(l -> l.onInside(inside));
            }

            @Override
            public void onWeights(TrainedWeights weights) {
                dispatch.accept(l -> l.onWeights(weights));
            }
        };
    }
}
