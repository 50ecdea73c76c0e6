package org.trainlab.ui.hall;

import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import org.trainlab.preset.Lesson;
import org.trainlab.preset.Preset;
import org.trainlab.ui.runs.RunRow;
import org.trainlab.ui.runs.RunsViewModel;

/**
 * The lecture hall's state, which outlives any view of it: whether the presentation view is on, whether
 * its technique panel is unfolded and shows every section or only the lesson's; the selected run's row,
 * its lesson (from the preset that named it) and its verdict when something provides one.
 */
public final class HallViewModel {

    private final RunsViewModel runs;
    private final ObservableList<Preset> presets;
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private final BooleanProperty techniquesShown = new SimpleBooleanProperty(this, "techniquesShown");
    private final BooleanProperty allSections = new SimpleBooleanProperty(this, "allSections");
    private final ReadOnlyObjectWrapper<RunRow> activeRow = new ReadOnlyObjectWrapper<>(this, "activeRow");
    private final ReadOnlyObjectWrapper<Preset> lessonPreset = new ReadOnlyObjectWrapper<>(this, "lessonPreset");
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson", Lesson.NONE);
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private Verdicts verdicts = Verdicts.NONE;
    private Subscription rowSubscription = Subscription.EMPTY;

    /**
     * @param runs    the runs list's rows and selection
     * @param presets the lecture presets, for each run's lesson
     */
    public HallViewModel(RunsViewModel runs, ObservableList<Preset> presets) {
        this.runs = runs;
        this.presets = presets;
        runs.activeRunIdProperty().addListener((obs, was, id) -> findActiveRow());
        runs.rows().addListener((ListChangeListener<RunRow>) c -> findActiveRow());
        presets.addListener((ListChangeListener<Preset>) c -> findLesson());
        presentation.addListener((obs, was, on) -> {
            // each time the view opens: the charts take the window, the lesson's sections come first
            techniquesShown.set(false);
            allSections.set(false);
        });
        findActiveRow();
    }

    // ---- Commands

    public void togglePresentation() {
        presentation.set(!presentation.get());
    }

    /** Sets where verdicts come from; FX thread. */
    public void setVerdicts(Verdicts verdicts) {
        this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
        refreshVerdict();
    }

    /** Reads the selected run's verdict again (a verdict source calls this when its verdicts change); FX thread. */
    public void refreshVerdict() {
        RunRow row = activeRow.get();
        verdict.set(row == null ? "" : verdicts.verdict(row.id()).orElse(""));
    }

    private void findActiveRow() {
        String id = runs.activeRunIdProperty().get();
        RunRow row = id == null ? null : runs.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
        if (row != activeRow.get()) {
            rowSubscription.unsubscribe();
            activeRow.set(row);
            rowSubscription = row == null ? Subscription.EMPTY
                    : row.nameProperty().subscribe(name -> findLesson())
                            .and(row.phaseProperty().subscribe(p -> refreshVerdict()))
                            .and(row.finalGapProperty().subscribe(g -> refreshVerdict()));
        }
        findLesson();
        refreshVerdict();
    }

    private void findLesson() {
        RunRow row = activeRow.get();
        Preset preset = row == null ? null : Lessons.of(row.nameProperty().get(), presets).orElse(null);
        lessonPreset.set(preset);
        lesson.set(preset == null ? Lesson.NONE : preset.lesson());
    }

    // ---- Properties

    /** The presentation view: the charts take the window, for the back row. */
    public BooleanProperty presentationProperty() { return presentation; }
    /** In the presentation view, whether the technique panel is unfolded. */
    public BooleanProperty techniquesShownProperty() { return techniquesShown; }
    /** In the presentation view, whether the panel shows every section rather than only the lesson's. */
    public BooleanProperty allSectionsProperty() { return allSections; }
    /** The selected run's row in the runs list, or null. */
    public ReadOnlyObjectProperty<RunRow> activeRowProperty() { return activeRow.getReadOnlyProperty(); }
    /** The preset the selected run came from, or null. */
    public ReadOnlyObjectProperty<Preset> lessonPresetProperty() { return lessonPreset.getReadOnlyProperty(); }
    /** The selected run's lesson; {@link Lesson#NONE} when its preset says none, or it came from none. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() { return lesson.getReadOnlyProperty(); }
    /** The selected run's verdict, or empty. */
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }
}
