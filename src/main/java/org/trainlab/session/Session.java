package org.trainlab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.trainlab.experiment.settings.ExperimentSettings;

/**
 * The whole workbench: every run with its settings and metrics, which runs are overlaid on the charts
 * and which one is being looked at. Immutable; stored by {@link SessionJson}.
 *
 * @param formatVersion {@link #FORMAT_VERSION} for sessions this version writes
 * @param runs          in the order of the runs list
 * @param selected      ids of the runs overlaid on the charts, in the runs' order
 * @param activeRunId   the run whose settings are shown, or null
 * @param groups        runs repeated with several seeds, each member in at most one group (see {@link RunGroup})
 * @param predictions   what the class predicted before comparisons trained, oldest first
 */
public record Session(String formatVersion, List<SessionRun> runs, List<String> selected, String activeRunId,
                      List<RunGroup> groups, List<Prediction> predictions) {

    public static final String FORMAT_VERSION = "trainlab-session/1";

    public Session {
        runs = runs == null ? List.of() : List.copyOf(runs);
        selected = selected == null ? List.of() : List.copyOf(selected);
        groups = groups == null ? List.of() : List.copyOf(groups);
        predictions = predictions == null ? List.of() : List.copyOf(predictions);
    }

    /** A session without groups or predictions. */
    public Session(String formatVersion, List<SessionRun> runs, List<String> selected, String activeRunId) {
        this(formatVersion, runs, selected, activeRunId, List.of(), List.of());
    }

    /** No runs. */
    public static Session empty() {
        return new Session(FORMAT_VERSION, List.of(), List.of(), null);
    }

    public Optional<SessionRun> run(String id) {
        return runs.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Replaces the run with the same id, or adds it at the end of the list. */
    public Session withRun(SessionRun run) {
        Objects.requireNonNull(run, "run");
        List<SessionRun> next = new ArrayList<>(runs);
        int at = indexOf(run.id());
        if (at >= 0) {
            next.set(at, run);
        } else {
            next.add(run);
        }
        return new Session(formatVersion, next, selected, activeRunId, groups, predictions);
    }

    /** Changes one run; unchanged when no run has that id (it may have been removed meanwhile). */
    public Session updateRun(String id, UnaryOperator<SessionRun> change) {
        int at = indexOf(id);
        if (at < 0) {
            return this;
        }
        List<SessionRun> next = new ArrayList<>(runs);
        next.set(at, change.apply(runs.get(at)));
        return new Session(formatVersion, next, selected, activeRunId, groups, predictions);
    }

    /** Removes a run, and its id from the selection and the active run. Runs derived from it keep their parent id. */
    public Session withoutRun(String id) {
        List<SessionRun> next = new ArrayList<>(runs);
        next.removeIf(r -> r.id().equals(id));
        List<String> stillSelected = selected.stream().filter(s -> !s.equals(id)).toList();
        List<RunGroup> stillGrouped = groups.stream().map(g -> g.without(id)).filter(g -> !g.runIds().isEmpty()).toList();
        return new Session(formatVersion, next, stillSelected, id.equals(activeRunId) ? null : activeRunId,
                stillGrouped, predictions);
    }

    public Session withSelected(List<String> selected) {
        return new Session(formatVersion, runs, selected, activeRunId, groups, predictions);
    }

    public Session withActiveRunId(String activeRunId) {
        return new Session(formatVersion, runs, selected, activeRunId, groups, predictions);
    }

    /**
     * Queues a comparison (a lecture preset's runs, say) at the end of the list: the first settings are
     * the reference, every other run is linked to it as its parent, so lists and legends say what each
     * one changed. Each run gets a new id and the next free colour; all of them are selected.
     */
    public Session withComparison(List<ExperimentSettings> settings) {
        Session next = this;
        List<String> added = new ArrayList<>();
        SessionRun reference = null;
        for (ExperimentSettings s : settings) {
            SessionRun run = reference == null
                    ? SessionRun.queued(SessionRun.newId(), next.nextColorIndex(), s)
                    : SessionRun.derivedFrom(reference, s, SessionRun.newId(), next.nextColorIndex());
            if (reference == null) {
                reference = run;
            }
            next = next.withRun(run);
            added.add(run.id());
        }
        List<String> nowSelected = new ArrayList<>(selected);
        nowSelected.addAll(added);
        return next.withSelected(nowSelected);
    }

    /** Adds a group of runs already in the session, or replaces the group with the same id. */
    public Session withGroup(RunGroup group) {
        List<RunGroup> next = new ArrayList<>(groups);
        next.removeIf(g -> g.id().equals(group.id()));
        next.add(group);
        return new Session(formatVersion, runs, selected, activeRunId, next, predictions);
    }

    /** Remembers a prediction. */
    public Session withPrediction(Prediction prediction) {
        List<Prediction> next = new ArrayList<>(predictions);
        next.add(Objects.requireNonNull(prediction, "prediction"));
        return new Session(formatVersion, runs, selected, activeRunId, groups, next);
    }

    public Optional<RunGroup> group(String groupId) {
        return groups.stream().filter(g -> g.id().equals(groupId)).findFirst();
    }

    /** The group a run is a member of, if any. */
    public Optional<RunGroup> groupOf(String runId) {
        return groups.stream().filter(g -> g.contains(runId)).findFirst();
    }

    /** The colour for a new run: the first palette index no run uses. */
    public int nextColorIndex() {
        int index = 0;
        while (true) {
            final int candidate = index;
            if (runs.stream().noneMatch(r -> r.colorIndex() == candidate)) {
                return candidate;
            }
            index++;
        }
    }

    private int indexOf(String id) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
