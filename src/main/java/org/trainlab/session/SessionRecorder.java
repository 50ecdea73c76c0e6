package org.trainlab.session;

import java.util.Objects;
import org.trainlab.engine.RunInfo;
import org.trainlab.engine.TrainingListener;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;

/**
 * Writes one run's progress into a {@link LiveSession}: its state, the normalization figures and
 * provenance once prepared, every finished epoch with its inside figures, the latest trained weights,
 * and the decimated batch-loss curve. After each
 * finished epoch, each state change and once prepared it asks for a save (normally
 * {@link SessionAutosaver#requestSave()}), so the autosave holds every finished epoch.
 *
 * <p>Batch losses are collected privately and published with each epoch, so the session changes once
 * per epoch rather than once per batch; the loss curve in the session therefore reaches the last
 * finished epoch, and the last batch once the run has ended. One recorder per run; the engine calls it
 * on the run's thread.
 */
public final class SessionRecorder implements TrainingListener {

    private final LiveSession session;
    private final String runId;
    private final Runnable saveRequest;
    private final LossCurve.Builder losses = new LossCurve.Builder();

    /**
     * @param runId       the run to update; it should already be in the session (updates to a run that
     *                    is not there are dropped, as after the user removed it)
     * @param saveRequest called after every change worth keeping; must return quickly
     */
    public SessionRecorder(LiveSession session, String runId, Runnable saveRequest) {
        this.session = Objects.requireNonNull(session, "session");
        this.runId = Objects.requireNonNull(runId, "runId");
        this.saveRequest = saveRequest == null ? () -> { } : saveRequest;
    }

    public String runId() {
        return runId;
    }

    @Override
    public void onStateChanged(RunState state, String message) {
        if (state.isFinal()) {
            LossCurve curve = losses.build();
            session.updateRun(runId, r -> r.withState(state, message).withLosses(curve));
        } else {
            session.updateRun(runId, r -> r.withState(state, message));
        }
        saveRequest.run();
    }

    @Override
    public void onPrepared(RunInfo info) {
        session.updateRun(runId, r -> r.withPrepared(info.normalizationMean(), info.normalizationStd(),
                info.provenance()));
        saveRequest.run();
    }

    @Override
    public void onBatch(BatchMetrics metrics) {
        losses.add(metrics.iteration(), metrics.loss());
    }

    /** Kept with the run; saved with the epoch that follows it. */
    @Override
    public void onInside(InsideEpoch inside) {
        session.updateRun(runId, r -> r.withInside(inside));
    }

    /** The run's latest weights replace the earlier ones; saved with the epoch that follows them. */
    @Override
    public void onWeights(TrainedWeights weights) {
        session.updateRun(runId, r -> r.withTrainedWeights(weights));
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        LossCurve curve = losses.build();
        session.updateRun(runId, r -> r.withEpoch(metrics).withLosses(curve));
        saveRequest.run();
    }
}
