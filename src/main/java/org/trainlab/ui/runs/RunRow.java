package org.trainlab.ui.runs;

import static org.trainlab.ui.runs.PropertyChanges.changeTo;

import java.util.Locale;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.trainlab.experiment.text.StateNote;
import org.trainlab.session.SessionRun;

/**
 * One line of the runs list: a run's colour, name, what it changed from the run it came from, its
 * status and progress, best held-out accuracy and final gap. The runs model keeps one row per run and
 * updates it in place, so the list keeps its selection while runs train.
 */
public final class RunRow {

    /** Where a run is, as the list says it. */
    public enum Phase {
        /** In the session, not queued: the settings panel edits it and Start queues it. */
        DRAFT,
        /** Queued, waiting for a free slot. */
        WAITING,
        PREPARING, RUNNING, PAUSED, COMPLETED, STOPPED, DIVERGED, FAILED,
        /** Being replayed onto the charts. */
        REPLAYING;

        /** Handed to the trainer and not ended. */
        public boolean inProgress() {
            return this == PREPARING || this == RUNNING || this == PAUSED;
        }

        /** Ended: trained to the end, stopped, diverged or failed. */
        public boolean ended() {
            return this == COMPLETED || this == STOPPED || this == DIVERGED || this == FAILED || this == REPLAYING;
        }
    }

    private final String id;
    private final ReadOnlyIntegerWrapper colorIndex = new ReadOnlyIntegerWrapper(this, "colorIndex");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper parentName = new ReadOnlyStringWrapper(this, "parentName", "");
    private final ReadOnlyStringWrapper difference = new ReadOnlyStringWrapper(this, "difference", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.DRAFT);
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.of("runs.phase.DRAFT"));
    private final ReadOnlyObjectWrapper<StateNote> note = new ReadOnlyObjectWrapper<>(this, "note");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", Double.NaN);
    private final ReadOnlyDoubleWrapper bestAccuracy = new ReadOnlyDoubleWrapper(this, "bestAccuracy", Double.NaN);
    private final ReadOnlyIntegerWrapper bestEpoch = new ReadOnlyIntegerWrapper(this, "bestEpoch");
    private final ReadOnlyDoubleWrapper finalGap = new ReadOnlyDoubleWrapper(this, "finalGap", Double.NaN);
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(this, "cancellable");
    private final BooleanProperty overlaid = new SimpleBooleanProperty(this, "overlaid");

    private SessionRun shownRun;
    private SessionRun shownParent;
    private Locale shownLocale;

    RunRow(String id) {
        this.id = id;
    }

    /**
     * A row that stands for no run, with a name, what it changed and a summary, for the list to lay out
     * rows before the first real ones come (see {@code RunsView}).
     */
    public static RunRow standIn(int i) {
        RunRow row = new RunRow("stand-in-" + i);
        row.setColorIndex(i);
        row.setName("Run " + i);
        if (i > 0) {
            row.setParentName("Run 0");
            row.setDifference("dropout 0.2");
        }
        row.setSummary("CNN · He · Adam 0.001 · 300 digits · 40 epochs");
        row.setPhase(Phase.WAITING);
        return row;
    }

    // ---- Updates from the runs model

    // A refresh sets every field of every row at each drain, mostly to what it already holds: these
    // setters change only what changed (PropertyChanges).

    void setColorIndex(int value) { colorIndex.set(value); }
    void setName(String value) { name.set(value); }
    void setParentName(String value) { parentName.set(value); }
    void setDifference(String value) { difference.set(value); }
    void setSummary(String value) { summary.set(value); }
    void setPhase(Phase value) {
        phase.set(value);
        cancellable.set(value == Phase.WAITING || value.inProgress());
    }
    void setStatus(Status value) { changeTo(status, value); }
    void setNote(StateNote value) { changeTo(note, value); }
    void setProgress(double value) { changeTo(progress, value); }
    void setBest(double accuracy, int epoch) {
        changeTo(bestAccuracy, accuracy);
        bestEpoch.set(epoch);
    }
    void setFinalGap(double value) { changeTo(finalGap, value); }

    /**
     * Whether the row last showed another run object, parent or language than these, and remembers
     * them: the texts and figures taken from the session (settings differences, best epoch) need
     * computing again only then.
     */
    boolean changedSince(SessionRun run, SessionRun parent, Locale locale) {
        if (run == shownRun && parent == shownParent && locale.equals(shownLocale)) {
            return false;
        }
        shownRun = run;
        shownParent = parent;
        shownLocale = locale;
        return true;
    }

    // ---- Properties

    public String id() { return id; }
    /** Index into the run palette. */
    public ReadOnlyIntegerProperty colorIndexProperty() { return colorIndex.getReadOnlyProperty(); }
    public ReadOnlyStringProperty nameProperty() { return name.getReadOnlyProperty(); }
    /** The name of the run this one was copied from; empty for a run of its own. */
    public ReadOnlyStringProperty parentNameProperty() { return parentName.getReadOnlyProperty(); }
    /** What differs from the parent, e.g. "dropout: off → 0.2"; empty when nothing or no parent. */
    public ReadOnlyStringProperty differenceProperty() { return difference.getReadOnlyProperty(); }
    /** The settings in one line. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }
    /** The status cell's text, as a bundle key ({@code runs.phase.*}) and its arguments. */
    public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }
    /** Why the run ended early (stopped, diverged, failed), for a tooltip in the window's language; else null. */
    public ReadOnlyObjectProperty<StateNote> noteProperty() { return note.getReadOnlyProperty(); }
    /** 0 to 1; -1 while preparing; NaN when there is nothing to show (not started). */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** Best held-out accuracy so far, 0..1; NaN before the first epoch. */
    public ReadOnlyDoubleProperty bestAccuracyProperty() { return bestAccuracy.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty bestEpochProperty() { return bestEpoch.getReadOnlyProperty(); }
    /** Train minus held-out accuracy at the last epoch; NaN before the first. */
    public ReadOnlyDoubleProperty finalGapProperty() { return finalGap.getReadOnlyProperty(); }
    /** Waiting or training: the row's cancel button works. */
    public ReadOnlyBooleanProperty cancellableProperty() { return cancellable.getReadOnlyProperty(); }
    /** Shown on the charts; the list's check box edits it. */
    public BooleanProperty overlaidProperty() { return overlaid; }

    @Override
    public String toString() {
        return name.get();
    }
}
