package org.trainlab.ui.runs;

import java.util.ArrayDeque;
import java.util.Deque;

import org.trainlab.engine.RunInfo;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.text.Numbers;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.RunEvent;

/**
 * Where one run is, from its events: state, epoch and batch, progress, throughput, time left and a
 * status sentence. Plain state on the FX thread; the runs model keeps one per run it has seen.
 */
public final class RunTracker {

    /** Throughput is measured over the batches of the last few seconds. */
    static final long THROUGHPUT_WINDOW_NANOS = 3_000_000_000L;

    private final ExperimentSettings settings;
    private RunState state;
    private StateNote note;
    private int epoch;
    private final int epochs;
    private int batch;
    private int batches;
    private int batchSize;
    /** 0 to 1 over the whole run; -1 (indeterminate) while preparing. */
    private double progress;
    private double imagesPerSecond = Double.NaN;
    private double secondsLeft = Double.NaN;
    private Status status;
    private BatchMetrics lastBatch;
    private EpochMetrics lastEpoch;
    private final Deque<long[]> recent = new ArrayDeque<>(); // {nanos, iteration}
    private final EpochClock clock = new EpochClock();
    private int testImages;

    private RunTracker(ExperimentSettings settings, RunState state) {
        this.settings = settings;
        this.state = state;
        this.epochs = settings.training().epochs();
        this.batchSize = settings.training().batchSize();
    }

    /** A run just handed to the trainer. */
    public static RunTracker submitted(ExperimentSettings settings) {
        RunTracker t = new RunTracker(settings, RunState.QUEUED);
        t.progress = -1;
        t.status = Status.of("status.queued");
        return t;
    }

    /** A run as its record says, e.g. after a session was opened. */
    static RunTracker of(SessionRun run) {
        RunTracker t = new RunTracker(run.settings(), run.state());
        t.note = run.message();
        t.lastEpoch = run.lastEpoch().orElse(null);
        t.epoch = t.lastEpoch == null ? 0 : t.lastEpoch.epoch();
        t.progress = t.epochs == 0 ? 0 : Math.min(1, (double) t.epoch / t.epochs);
        t.onState(run.state(), run.message());
        return t;
    }

    public void apply(RunEvent event) {
        if (event instanceof RunEvent.StateChanged changed) {
            onState(changed.state(), changed.note());
        } else if (event instanceof RunEvent.Prepared prepared) {
            onPrepared(prepared.info());
        } else if (event instanceof RunEvent.Download download) {
            status = Status.of("status.downloading", download.file(),
                    download.total() > 0 ? (double) download.done() / download.total() : 0.0);
        } else if (event instanceof RunEvent.Batch b) {
            onBatch(b.metrics(), b.nanos());
        } else if (event instanceof RunEvent.Epoch e) {
            onEpoch(e.metrics());
        }
    }

    private void onState(RunState next, StateNote why) {
        state = next;
        note = why;
        recent.clear(); // a pause must not count as slow batches
        clock.interrupted();
        switch (next) {
            case QUEUED -> status = Status.of("status.queued");
            case PREPARING -> {
                progress = -1;
                status = Status.of("status.preparing");
            }
            case RUNNING -> status = lastEpoch == null ? Status.of("status.running") : epochStatus(lastEpoch);
            case PAUSED -> status = Status.of("status.paused", epoch, batch);
            case COMPLETED -> {
                progress = 1;
                secondsLeft = 0;
                status = lastEpoch == null ? Status.of("status.completed.noEpoch")
                        : Status.of("status.completed", lastEpoch.epoch(), lastEpoch.elapsedSeconds(),
                        lastEpoch.testAccuracy(), lastEpoch.trainAccuracy());
            }
            case STOPPED -> {
                secondsLeft = Double.NaN;
                progress = Math.max(0, progress);
                status = Status.of("status.stopped", lastEpoch == null ? 0 : lastEpoch.epoch(), epochs);
            }
            case DIVERGED -> {
                secondsLeft = Double.NaN;
                progress = Math.max(0, progress);
                if (lastBatch != null && !Double.isFinite(lastBatch.loss())) {
                    status = Status.of("status.diverged", lastBatch.epoch(), lastBatch.batch(), lastBatch.iteration(),
                            String.valueOf(lastBatch.loss()), Numbers.format(settings.optimizer().learningRate()));
                } else {
                    status = Status.of("status.diverged.heldOut", lastEpoch == null ? epoch : lastEpoch.epoch(),
                            why == null ? "" : why);
                }
            }
            case FAILED -> {
                secondsLeft = Double.NaN;
                progress = Math.max(0, progress);
                status = Status.of("status.failed", why == null ? "" : why);
            }
        }
    }

    private void onPrepared(RunInfo info) {
        batches = info.batchesPerEpoch();
        batchSize = Math.min(batchSize, info.trainImages());
        testImages = info.testImages();
        progress = 0;
    }

    private void onBatch(BatchMetrics m, long nanos) {
        lastBatch = m;
        epoch = m.epoch();
        batch = m.batch();
        batches = m.batches();
        long total = (long) m.batches() * epochs;
        progress = total == 0 ? 0 : Math.min(1, (double) m.iteration() / total);
        recent.addLast(new long[] {nanos, m.iteration()});
        while (recent.size() > 2 && nanos - recent.peekFirst()[0] > THROUGHPUT_WINDOW_NANOS) {
            recent.removeFirst();
        }
        if (recent.size() >= 2) {
            long[] first = recent.peekFirst();
            double seconds = (nanos - first[0]) / 1e9;
            if (seconds > 0) {
                double ips = (m.iteration() - first[1]) * (double) batchSize / seconds;
                imagesPerSecond = ips;
                secondsLeft = (total - m.iteration()) * (double) batchSize / ips;
            }
        }
        // whole epochs' wall time (evaluation included) once one was timed; the batches alone until then
        double byEpochs = clock.onBatch(m.epoch(), m.batch(), epochs, nanos);
        if (!Double.isNaN(byEpochs)) {
            secondsLeft = byEpochs;
        }
    }

    private void onEpoch(EpochMetrics m) {
        lastEpoch = m;
        if (state == RunState.RUNNING) {
            status = epochStatus(m);
        }
    }

    private Status epochStatus(EpochMetrics m) {
        return Status.of("status.epoch", m.epoch(), epochs, m.testAccuracy(), m.trainAccuracy(), m.accuracyGap());
    }

    RunState state() { return state; }
    /** Why the run ended early, or null. */
    StateNote note() { return note; }
    int epoch() { return epoch; }
    int epochs() { return epochs; }
    int batch() { return batch; }
    int batches() { return batches; }
    double progress() { return progress; }
    double imagesPerSecond() { return imagesPerSecond; }
    /** Seconds left in the run: whole epochs' wall time once one was timed, else the batches' rate; NaN unknown. */
    public double secondsLeft() { return secondsLeft; }
    /** Wall seconds of one whole epoch (evaluation included), NaN before one was timed. */
    public double epochSeconds() { return clock.epochSeconds(); }
    /** Held-out images per evaluation, 0 before the run was prepared. */
    public int testImages() { return testImages; }
    public ExperimentSettings settings() { return settings; }
    Status status() { return status; }
    /** The epoch finished last, or null. */
    EpochMetrics lastEpoch() { return lastEpoch; }
}
