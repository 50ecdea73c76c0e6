package org.trainlab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.record.Provenance;
import org.trainlab.experiment.record.RunRecord;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;
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
 * @param inside            what the network looked like inside after each finished epoch, in order
 *                          (empty for runs recorded before TrainLab measured it)
 * @param trainedWeights    the latest weights (after the last finished epoch), or null; not in the session
 *                          JSON: {@link SessionJson} keeps them in files next to it
 */
public record SessionRun(
        String id,
        int colorIndex,
        String parentId,
        ExperimentSettings settings,
        RunState state,
        StateNote message,
        double normalizationMean,
        double normalizationStd,
        Provenance provenance,
        List<EpochMetrics> epochs,
        LossCurve losses,
        List<InsideEpoch> inside,
        @JsonIgnore TrainedWeights trainedWeights) {

    public SessionRun {
        Objects.requireNonNull(id, "id is null: every run needs one");
        Objects.requireNonNull(settings, "settings is null: every run needs its settings");
        Objects.requireNonNull(state, "state is null: must be one of " + Arrays.toString(RunState.values()));
        epochs = epochs == null ? List.of() : List.copyOf(epochs);
        losses = losses == null ? LossCurve.EMPTY : losses;
        inside = inside == null ? List.of() : List.copyOf(inside);
    }

    /** A run without inside figures or weights (as sessions were before they kept them). */
    public SessionRun(String id, int colorIndex, String parentId, ExperimentSettings settings, RunState state,
                      StateNote message, double normalizationMean, double normalizationStd, Provenance provenance,
                      List<EpochMetrics> epochs, LossCurve losses) {
        this(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd, provenance,
                epochs, losses, List.of(), null);
    }

    /** How the session JSON makes a run: every field but the weights, which live in files of their own. */
    @JsonCreator
    static SessionRun fromJson(@JsonProperty("id") String id, @JsonProperty("colorIndex") int colorIndex,
                               @JsonProperty("parentId") String parentId,
                               @JsonProperty("settings") ExperimentSettings settings,
                               @JsonProperty("state") RunState state, @JsonProperty("message") StateNote message,
                               @JsonProperty("normalizationMean") double normalizationMean,
                               @JsonProperty("normalizationStd") double normalizationStd,
                               @JsonProperty("provenance") Provenance provenance,
                               @JsonProperty("epochs") List<EpochMetrics> epochs,
                               @JsonProperty("losses") LossCurve losses,
                               @JsonProperty("inside") List<InsideEpoch> inside) {
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, epochs, losses, inside, null);
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
                epochs, state, message, inside);
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
                provenance, epochs, losses, inside, trainedWeights);
    }

    public SessionRun withParentId(String parentId) {
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, epochs, losses, inside, trainedWeights);
    }

    public SessionRun withSettings(ExperimentSettings settings) {
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, epochs, losses, inside, trainedWeights);
    }

    public SessionRun withName(String name) {
        return withSettings(settings.withName(name));
    }

    public SessionRun withState(RunState state, StateNote message) {
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, epochs, losses, inside, trainedWeights);
    }

    /** The facts a run learns once its data is loaded. */
    public SessionRun withPrepared(double normalizationMean, double normalizationStd, Provenance provenance) {
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, epochs, losses, inside, trainedWeights);
    }

    public SessionRun withEpoch(EpochMetrics epoch) {
        List<EpochMetrics> more = new ArrayList<>(epochs.size() + 1);
        more.addAll(epochs);
        more.add(epoch);
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, more, losses, inside, trainedWeights);
    }

    public SessionRun withLosses(LossCurve losses) {
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, epochs, losses, inside, trainedWeights);
    }

    /** Adds one epoch's inside figures (the engine sends them just before the epoch's metrics). */
    public SessionRun withInside(InsideEpoch epoch) {
        List<InsideEpoch> more = new ArrayList<>(inside.size() + 1);
        more.addAll(inside);
        more.add(epoch);
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, epochs, losses, more, trainedWeights);
    }

    /** The latest trained weights (null to forget them). */
    public SessionRun withTrainedWeights(TrainedWeights weights) {
        return new SessionRun(id, colorIndex, parentId, settings, state, message, normalizationMean, normalizationStd,
                provenance, epochs, losses, inside, weights);
    }

    /** The latest trained weights, if the run has finished an epoch and they were kept. */
    public Optional<TrainedWeights> weights() {
        return Optional.ofNullable(trainedWeights);
    }

    /** The inside figures of one epoch (1-based), if measured. */
    public Optional<InsideEpoch> inside(int epoch) {
        return inside.stream().filter(i -> i.epoch() == epoch).findFirst();
    }

    /** The run as it is to be trained again: same settings, nothing measured, queued. */
    public SessionRun reset() {
        return new SessionRun(id, colorIndex, parentId, settings, RunState.QUEUED, null, Double.NaN, Double.NaN, null,
                List.of(), LossCurve.EMPTY);
    }
}
