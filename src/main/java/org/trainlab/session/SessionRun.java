package org.trainlab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.record.Provenance;
import org.trainlab.experiment.record.RunRecord;
import org.trainlab.experiment.record.RunState;
import java.util.Arrays;

/**
 * One run of a session: what it was asked to do, how far it got, and everything it measured. Immutable;
 * the {@code with...} methods return changed copies.
 *
 * @param id                unique within its session; never shown
 * @param colorIndex        index into the window's palette, so a run keeps its colour in every chart
 * @param parentId          the run this one was copied from to change one thing, else null
 * @param settings          what the run trains with; {@code settings.name()} is the run's name
 * @param state             where the run is in its life
 * @param message           why it ended early (stopped, diverged, failed, interrupted), else null
 * @param normalizationMean mean the run subtracted from pixels; NaN until the run has prepared
 * @param normalizationStd  std the run divided pixels by; NaN until the run has prepared
 * @param provenance        seed, versions and machine, once the run has prepared, else null
 * @param epochs            finished epochs, in order, numbered from 1
 * @param losses            the per-batch training loss, decimated (see {@link LossCurve}); it reaches
 *                          the last finished epoch, or the last batch once the run has ended
 */
public record SessionRun(
        String id,
        int colorIndex,
        String parentId,
        ExperimentSettings settings,
        RunState state,
        String message,
        double normalizationMean,
        double normalizationStd,
        Provenance provenance,
        List<EpochMetrics> epochs,
        LossCurve losses) {

    public SessionRun {
        Objects.requireNonNull(id, "id is null: every run needs one");
        Objects.requireNonNull(settings, "settings is null: every run needs its settings");
        Objects.requireNonNull(state, "state is null: must be one of " + Arrays.toString(RunState.values()));
        epochs = epochs == null ? List.of() : List.copyOf(epochs);
        losses = losses == null ? LossCurve.EMPTY : losses;
    }

    /** A fresh random id. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A run waiting to start, with nothing measured yet. */
    public static SessionRun queued(String id, int colorIndex, ExperimentSettings settings) {
        return new SessionRun(id, colorIndex, null, settings, RunState.QUEUED, null, Double.NaN, Double.NaN, null,
                List.of(), LossCurve.EMPTY);
    }

    /**
     * "Change one thing": a new queued run with the parent's settings as changed by the caller, linked to
     * the parent so lists and legends can say what differs ({@link org.trainlab.experiment.text.SettingsDiff}).
     * The settings normally keep the parent's seed, so the only difference is the change itself.
     */
    public static SessionRun derivedFrom(SessionRun parent, ExperimentSettings settings, String id, int colorIndex) {
        return queued(id, colorIndex, settings).withParentId(parent.id());
    }

    /** The run as a run record (the command line's run.json), for exporting one run. */
    public RunRecord toRecord() {
        return new RunRecord(RunRecord.FORMAT_VERSION, settings, provenance, normalizationMean, normalizationStd,
                epochs, state, message);
    }

    /** The run's name, as shown in lists and legends. */
    public String name() {
        return settings.name();
    }

    /** The epoch with the highest held-out accuracy (the earliest on a tie), if any epoch finished. */
    public Optional<EpochMetrics> bestEpoch() {
        EpochMetrics best = null;
        for (EpochMetrics e : epochs) {
            if (!Double.isNaN(e.testAccuracy()) && (best == null || e.testAccuracy() > best.testAccuracy())) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The last finished epoch, if any. */
    public Optional<EpochMetrics> lastEpoch() {
        return epochs.isEmpty() ? Optional.empty() : Optional.of(epochs.get(epochs.size() - 1));
    }

    /** Train minus held-out accuracy at the last finished epoch: how much the run overfits; NaN before one. */
    public double finalGap() {
        return lastEpoch().map(EpochMetrics::accuracyGap).orElse(Double.NaN);
    }

    public SessionRun withColorIndex(int colorIndex) {
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, epochs, losses);
    }

    public SessionRun withParentId(String parentId) {
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, epochs, losses);
    }

    public SessionRun withSettings(ExperimentSettings settings) {
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, epochs, losses);
    }

    public SessionRun withName(String name) {
        return withSettings(settings.withName(name));
    }

    public SessionRun withState(RunState state, String message) {
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, epochs, losses);
    }

    /** The facts a run learns once its data is loaded. */
    public SessionRun withPrepared(double normalizationMean, double normalizationStd, Provenance provenance) {
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, epochs, losses);
    }

    public SessionRun withEpoch(EpochMetrics epoch) {
        List<EpochMetrics> more = new ArrayList<>(epochs.size() + 1);
        more.addAll(epochs);
        more.add(epoch);
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, more, losses);
    }

    public SessionRun withLosses(LossCurve losses) {
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, epochs, losses);
    }

    /** The run as it is to be trained again: same settings, nothing measured, queued. */
    public SessionRun reset() {
        return new SessionRun(id, colorIndex, parentId, settings, RunState.QUEUED, null, Double.NaN, Double.NaN, null,
                List.of(), LossCurve.EMPTY);
    }
}
