package org.trainlab.experiment.record;

import org.trainlab.experiment.settings.ExperimentSettings;

import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.text.StateNote;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything kept about one run: its settings, where it ran, the normalization figures it used, its
 * epochs so far and how it ended. Stored as JSON by {@link RunRecordJson}.
 *
 * @param formatVersion      {@link #FORMAT_VERSION} for records this version writes
 * @param settings           the settings the run was started with
 * @param provenance         seed, versions and machine
 * @param normalizationMean  the mean subtracted from pixels (0 when normalization is off)
 * @param normalizationStd   the std pixels were divided by (1 when normalization is off)
 * @param epochs             finished epochs, in order
 * @param state              where the run is in its life
 * @param message            why it ended early (stopped, diverged, failed), else null
 * @param inside             what the network looked like inside after each finished epoch (empty in
 *                           records written before TrainLab measured it)
 */
public record RunRecord(
        String formatVersion,
        ExperimentSettings settings,
        Provenance provenance,
        double normalizationMean,
        double normalizationStd,
        List<EpochMetrics> epochs,
        RunState state,
        StateNote message,
        List<InsideEpoch> inside) {

    public static final String FORMAT_VERSION = "trainlab-run/1";

    public RunRecord {
        epochs = epochs == null ? List.of() : List.copyOf(epochs);
        inside = inside == null ? List.of() : List.copyOf(inside);
    }

    /** A record without inside figures. */
    public RunRecord(String formatVersion, ExperimentSettings settings, Provenance provenance, double normalizationMean,
                     double normalizationStd, List<EpochMetrics> epochs, RunState state, StateNote message) {
        this(formatVersion, settings, provenance, normalizationMean, normalizationStd, epochs, state, message, List.of());
    }

    /** A new run in the current format, no epochs yet. */
    public static RunRecord start(ExperimentSettings settings, Provenance provenance, double normalizationMean,
                                  double normalizationStd) {
        return new RunRecord(FORMAT_VERSION, settings, provenance, normalizationMean, normalizationStd, List.of(),
                RunState.PREPARING, null);
    }

    public RunRecord withEpoch(EpochMetrics epoch) {
        List<EpochMetrics> more = new ArrayList<>(epochs);
        more.add(epoch);
        return new RunRecord(formatVersion, settings, provenance, normalizationMean, normalizationStd, more, state,
                message, inside);
    }

    public RunRecord withState(RunState state, StateNote message) {
        return new RunRecord(formatVersion, settings, provenance, normalizationMean, normalizationStd, epochs, state,
                message, inside);
    }

    public RunRecord withInside(InsideEpoch epoch) {
        List<InsideEpoch> more = new ArrayList<>(inside);
        more.add(epoch);
        return new RunRecord(formatVersion, settings, provenance, normalizationMean, normalizationStd, epochs, state,
                message, more);
    }
}
