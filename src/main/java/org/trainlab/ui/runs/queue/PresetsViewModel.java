package org.trainlab.ui.runs.queue;

import java.util.List;
import java.util.Locale;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.text.SettingsDiff;
import org.trainlab.preset.Preset;
import org.trainlab.preset.PresetLoader;
import org.trainlab.session.Session;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.runs.Status;
import org.trainlab.ui.tasks.BackgroundTasks;

/** Lecture presets: read in the background, and queued in one click as a comparison. */
public final class PresetsViewModel {

    private final RunsViewModel runs;
    private final RunQueue queue;
    private final BackgroundTasks tasks;
    private final ObservableList<Preset> presets = FXCollections.observableArrayList();

    public PresetsViewModel(RunsViewModel runs, RunQueue queue, BackgroundTasks tasks) {
        this.runs = runs;
        this.queue = queue;
        this.tasks = tasks;
    }

    /** Reads the shipped and the user's presets in the background; problems go to the status line. */
    public void loadPresets() {
        Locale locale = runs.locale();
        tasks.run(() -> {
            PresetLoader.Result loaded = PresetLoader.loadAll();
            loaded.presets().forEach(p -> describeAhead(p, locale));
            return loaded;
        }, result -> {
            presets.setAll(result.presets());
            if (!result.problems().isEmpty()) {
                runs.showStatus(Status.of("status.presetProblems", result.problems().size(),
                        String.join(" ", result.problems())));
            }
        }, e -> runs.showStatus(Status.of("status.presetProblems", 1, String.valueOf(e.getMessage()))));
    }

    /**
     * Makes, in the background, the lines the runs list and the legend will show for the preset's runs
     * (each run's settings in one line, and what it changed from the first). Queuing the preset then
     * finds them made, instead of making them in the click (docs/performance.md, "Ninth pass").
     */
    private static void describeAhead(Preset preset, Locale locale) {
        List<ExperimentSettings> settings = preset.expand(locale);
        for (int i = 0; i < settings.size(); i++) {
            SettingsDiff.summary(settings.get(i), locale);
            if (i > 0) {
                SettingsDiff.describe(settings.get(0), settings.get(i), locale);
            }
        }
    }

    /** One click: adds the preset's runs (the first the reference, the others linked to it), shows only them, queues them all. */
    public void queuePreset(Preset preset) {
        runs.grouping().askFirst(preset, runs.locale(), predicted -> queuePreset(preset, predicted));
    }

    /** Queues the preset with each run repeated as many seeds as asked, and the class's prediction (-1: none). */
    private void queuePreset(Preset preset, int predicted) {
        Session before = runs.session().snapshot();
        Session after = runs.grouping().comparison(before, preset, predicted, runs.locale());
        List<String> ids = queue.queueAdded(before, after, true);
        runs.showStatus(Status.of("status.presetQueued", ids.size(), preset.name().get(runs.locale())));
    }

    /** Lecture presets, in the menu's order. */
    public ObservableList<Preset> presets() { return presets; }
}
