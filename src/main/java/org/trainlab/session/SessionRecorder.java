package org.trainlab.session;

import java.util.Objects;
import org.trainlab.engine.RunInfo;
import org.trainlab.engine.TrainingListener;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;

/**
 * Writes one run's progress into a {@link LiveSession}: its state, the normalization figures and
 * provenance once prepared, every finished epoch with its inside figures, the latest trained weights,
 * and the decimated batch-loss curve. After each
 * finished epoch, each state change and once prepared it asks for a save (normally
 * {@link SessionAutosaver#requestSave()}), so the autosave holds every finished epoch.
 *
 * <p>Batch losses are collected privately and published with each epoch, so the session changes once
 * per epoch rather than once per batch (the epoch's inside figures and weights, sent just before its
 * metrics, are published with them); the loss curve in the session therefore reaches the last
 * finished epoch, and the last batch once the run has ended. One recorder per run; the engine calls it
 * on the run's thread.
 */
public final class SessionRecorder implements TrainingListener {

    private final LiveSession session;
    private final String runId;
    private final Runnable saveRequest;
    private final LossCurve.Builder losses = new LossCurve.Builder();
    private InsideEpoch pendingInside;
    private TrainedWeights pendingWeights;

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
    public void onStateChanged(RunState state, StateNote note) {
        if (state.isFinal()) {
            LossCurve curve = losses.build();
            session.updateRun(runId, r -> r.withState(state, note).withLosses(curve));
        } else {
            session.updateRun(runId, r -> r.withState(state, note));
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

    /** Held until the epoch's metrics, which follow at once, and published with them. */
    @Override
    public void onInside(InsideEpoch inside) {
        pendingInside = inside;
    }

    /** Held until the epoch's metrics; then they replace the run's earlier weights. */
    @Override
    public void onWeights(TrainedWeights weights) {
        pendingWeights = weights;
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        LossCurve curve = losses.build();
        InsideEpoch inside = pendingInside;
        TrainedWeights weights = pendingWeights;
        pendingInside = null;
        pendingWeights = null;
        session.updateRun(runId, r -> {
            SessionRun next = r.withEpoch(metrics).withLosses(curve);
            next = inside == null ? next : next.withInside(inside);
            return weights == null ? next : next.withTrainedWeights(weights);
        });
        saveRequest.run();
    }
}
