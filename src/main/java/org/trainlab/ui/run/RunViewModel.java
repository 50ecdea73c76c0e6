package org.trainlab.ui.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.trainlab.engine.RunInfo;
import org.trainlab.engine.TrainingListener;
import org.trainlab.experiment.BatchMetrics;
import org.trainlab.experiment.EpochMetrics;
import org.trainlab.experiment.ExperimentSettings;
import org.trainlab.experiment.Numbers;
import org.trainlab.experiment.RunState;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.charts.RunEvent;
import org.trainlab.ui.settings.SettingsViewModel;

/**
 * Start, pause/resume and stop of one run at a time, and where it is: state, epoch and batch,
 * throughput, time left and a status line. The run's listener only queues events on the
 * {@link MetricDrain}; this model changes when the drain hands them over on the FX thread.
 */
public final class RunViewModel {

    /** Throughput is measured over the batches of the last few seconds. */
    static final long THROUGHPUT_WINDOW_NANOS = 3_000_000_000L;

    private final SettingsViewModel settings;
    private final Trainer trainer;
    private final MetricDrain drain;

    // ---- Properties
    /** Null before the first run. */
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyIntegerWrapper epoch = new ReadOnlyIntegerWrapper(this, "epoch");
    private final ReadOnlyIntegerWrapper epochs = new ReadOnlyIntegerWrapper(this, "epochs");
    private final ReadOnlyIntegerWrapper batch = new ReadOnlyIntegerWrapper(this, "batch");
    private final ReadOnlyIntegerWrapper batches = new ReadOnlyIntegerWrapper(this, "batches");
    /** 0 to 1 over the whole run; -1 (indeterminate) while preparing. */
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    /** NaN while unknown. */
    private final ReadOnlyDoubleWrapper imagesPerSecond = new ReadOnlyDoubleWrapper(this, "imagesPerSecond", Double.NaN);
    /** NaN while unknown. */
    private final ReadOnlyDoubleWrapper secondsLeft = new ReadOnlyDoubleWrapper(this, "secondsLeft", Double.NaN);
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.of("status.ready"));
    private final BooleanBinding active = Bindings.createBooleanBinding(
            () -> state.get() != null && !state.get().isFinal(), state);
    private final BooleanBinding canStart;
    private final BooleanBinding canPause = Bindings.createBooleanBinding(
            () -> state.get() == RunState.RUNNING || state.get() == RunState.PAUSED, state);

    // ---- Run state, FX thread
    private Trainer.Control control;
    private ExperimentSettings running;
    private int batchSize;
    private BatchMetrics lastBatch;
    private EpochMetrics lastEpoch;
    private final Deque<long[]> recent = new ArrayDeque<>(); // {nanos, iteration}

    public RunViewModel(SettingsViewModel settings, Trainer trainer, MetricDrain drain) {
        this.settings = settings;
        this.trainer = trainer;
        this.drain = drain;
        this.canStart = settings.validProperty().and(active.not());
        drain.addConsumer(this::apply);
    }

    // ---- Commands

    /** Submits the current settings; does nothing unless {@link #canStartProperty()}. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        ExperimentSettings chosen = settings.settingsProperty().get();
        running = chosen;
        lastBatch = null;
        lastEpoch = null;
        recent.clear();
        batchSize = chosen.training().batchSize();
        epochs.set(chosen.training().epochs());
        epoch.set(0);
        batch.set(0);
        batches.set(0);
        progress.set(-1);
        imagesPerSecond.set(Double.NaN);
        secondsLeft.set(Double.NaN);
        state.set(RunState.QUEUED);
        status.set(Status.of("status.queued"));
        drain.offer(new RunEvent.Started(chosen, settings.lrPreviewProperty().get().clone()));
        try {
            control = trainer.submit(chosen, new Forwarder(drain));
        } catch (RuntimeException e) {
            control = null;
            state.set(RunState.FAILED);
            status.set(Status.of("status.failed", String.valueOf(e.getMessage())));
        }
    }

    /** Pauses a running run, resumes a paused one. */
    public void togglePause() {
        if (control == null) {
            return;
        }
        if (state.get() == RunState.PAUSED) {
            control.resume();
        } else if (state.get() == RunState.RUNNING) {
            control.pause();
        }
    }

    public void stop() {
        if (control != null && active.get()) {
            control.stop();
        }
    }

    // ---- Events from the drain, FX thread

    void apply(List<RunEvent> events) {
        for (RunEvent event : events) {
            if (event instanceof RunEvent.StateChanged changed) {
                onState(changed.state(), changed.message());
            } else if (event instanceof RunEvent.Prepared prepared) {
                onPrepared(prepared.info());
            } else if (event instanceof RunEvent.Download download) {
                onDownload(download);
            } else if (event instanceof RunEvent.Batch b) {
                onBatch(b.metrics(), b.nanos());
            } else if (event instanceof RunEvent.Epoch e) {
                onEpoch(e.metrics());
            }
        }
    }

    private void onState(RunState next, String message) {
        state.set(next);
        recent.clear(); // a pause must not count as slow batches
        switch (next) {
            case QUEUED -> status.set(Status.of("status.queued"));
            case PREPARING -> status.set(Status.of("status.preparing"));
            case RUNNING -> status.set(lastEpoch == null ? Status.of("status.running") : epochStatus(lastEpoch));
            case PAUSED -> status.set(Status.of("status.paused", epoch.get(), batch.get()));
            case COMPLETED -> {
                progress.set(1);
                secondsLeft.set(0);
                status.set(lastEpoch == null ? Status.of("status.completed.noEpoch")
                        : Status.of("status.completed", lastEpoch.epoch(), lastEpoch.elapsedSeconds(),
                        lastEpoch.testAccuracy(), lastEpoch.trainAccuracy()));
            }
            case STOPPED -> {
                secondsLeft.set(Double.NaN);
                status.set(Status.of("status.stopped", lastEpoch == null ? 0 : lastEpoch.epoch(), epochs.get()));
            }
            case DIVERGED -> {
                secondsLeft.set(Double.NaN);
                if (lastBatch != null && !Double.isFinite(lastBatch.loss())) {
                    status.set(Status.of("status.diverged", lastBatch.epoch(), lastBatch.batch(), lastBatch.iteration(),
                            String.valueOf(lastBatch.loss()), Numbers.format(running.optimizer().learningRate())));
                } else {
                    status.set(Status.of("status.diverged.heldOut", lastEpoch == null ? epoch.get() : lastEpoch.epoch(),
                            message == null ? "" : message));
                }
            }
            case FAILED -> {
                secondsLeft.set(Double.NaN);
                status.set(Status.of("status.failed", message == null ? "" : message));
            }
        }
    }

    private void onPrepared(RunInfo info) {
        batches.set(info.batchesPerEpoch());
        batchSize = Math.min(batchSize, info.trainImages());
        progress.set(0);
    }

    private void onDownload(RunEvent.Download d) {
        status.set(Status.of("status.downloading", d.file(), d.total() > 0 ? (double) d.done() / d.total() : 0.0));
    }

    private void onBatch(BatchMetrics m, long nanos) {
        lastBatch = m;
        epoch.set(m.epoch());
        batch.set(m.batch());
        batches.set(m.batches());
        long total = (long) m.batches() * epochs.get();
        progress.set(total == 0 ? 0 : Math.min(1, (double) m.iteration() / total));
        recent.addLast(new long[] {nanos, m.iteration()});
        while (recent.size() > 2 && nanos - recent.peekFirst()[0] > THROUGHPUT_WINDOW_NANOS) {
            recent.removeFirst();
        }
        if (recent.size() >= 2) {
            long[] first = recent.peekFirst();
            double seconds = (nanos - first[0]) / 1e9;
            if (seconds > 0) {
                double ips = (m.iteration() - first[1]) * (double) batchSize / seconds;
                imagesPerSecond.set(ips);
                secondsLeft.set((total - m.iteration()) * (double) batchSize / ips);
            }
        }
    }

    private void onEpoch(EpochMetrics m) {
        lastEpoch = m;
        if (state.get() == RunState.RUNNING) {
            status.set(epochStatus(m));
        }
    }

    private Status epochStatus(EpochMetrics m) {
        return Status.of("status.epoch", m.epoch(), epochs.get(), m.testAccuracy(), m.trainAccuracy(), m.accuracyGap());
    }

    // ---- Properties

    public ReadOnlyObjectProperty<RunState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty epochProperty() { return epoch.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty epochsProperty() { return epochs.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty batchProperty() { return batch.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty batchesProperty() { return batches.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty imagesPerSecondProperty() { return imagesPerSecond.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty secondsLeftProperty() { return secondsLeft.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }
    /** A run is queued, preparing, running or paused. */
    public BooleanBinding activeProperty() { return active; }
    public BooleanBinding canStartProperty() { return canStart; }
    public BooleanBinding canPauseProperty() { return canPause; }
    public SettingsViewModel settings() { return settings; }

    /** Hands the training thread's callbacks to the drain, stamped with the time they happened. */
    private record Forwarder(MetricDrain drain) implements TrainingListener {
        @Override
        public void onStateChanged(RunState state, String message) {
            drain.offer(new RunEvent.StateChanged(state, message));
        }

        @Override
        public void onPrepared(RunInfo info) {
            drain.offer(new RunEvent.Prepared(info));
        }

        @Override
        public void onDownload(String file, long done, long total) {
            drain.offer(new RunEvent.Download(file, done, total));
        }

        @Override
        public void onBatch(BatchMetrics metrics) {
            drain.offer(new RunEvent.Batch(metrics, System.nanoTime()));
        }

        @Override
        public void onEpoch(EpochMetrics metrics) {
            drain.offer(new RunEvent.Epoch(metrics));
        }
    }
}
