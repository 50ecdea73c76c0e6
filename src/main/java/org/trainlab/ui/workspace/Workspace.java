package org.trainlab.ui.workspace;

import java.util.Locale;
import java.util.function.LongSupplier;

import javafx.beans.value.ObservableValue;
import org.trainlab.session.LiveSession;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.export.ExportViewModel;
import org.trainlab.ui.replay.ReplayViewModel;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.runs.Trainer;
import org.trainlab.ui.runs.queue.PresetsViewModel;
import org.trainlab.ui.runs.queue.RunQueue;
import org.trainlab.ui.sessionfiles.SessionFilesViewModel;
import org.trainlab.ui.settings.SettingsViewModel;
import org.trainlab.ui.tasks.BackgroundTasks;

/**
 * The rooms of the open session, built over one live session and wired once: the runs as the list shows
 * them ({@link RunsViewModel}: rows, selection, overlay, run bar, status line), the queue, the presets,
 * replays, the session file and exports. Holds no state of its own.
 */
public final class Workspace {

    private final RunsViewModel runs;
    private final RunQueue queue;
    private final PresetsViewModel presets;
    private final ReplayViewModel replay;
    private final SessionFilesViewModel files;
    private final ExportViewModel export;
    private final BackgroundTasks tasks;

    /**
     * @param saveRequest asks for an autosave soon (after every change, and from training threads after
     *                    every epoch); must return at once
     * @param tasks       the door for file work
     * @param nanoClock   the time for replays, {@link System#nanoTime()} in the window
     */
    public Workspace(LiveSession live, SettingsViewModel settings, ChartsModel charts, Trainer trainer,
                     MetricDrain drain, Runnable saveRequest, BackgroundTasks tasks, LongSupplier nanoClock,
                     ObservableValue<Locale> locale) {
        this.tasks = tasks;
        runs = new RunsViewModel(live, settings, charts, saveRequest, locale);
        queue = new RunQueue(runs, trainer, drain, saveRequest, tasks);
        presets = new PresetsViewModel(runs, queue, tasks);
        replay = new ReplayViewModel(runs, nanoClock);
        files = new SessionFilesViewModel(runs, queue, replay, tasks);
        export = new ExportViewModel(runs, tasks);
        files.showCurrent();
    }

    /** Rows, the active run, the overlay, the run bar's figures, the status line and notices. */
    public RunsViewModel runs() { return runs; }
    /** Start, pause, stop, duplicate, remove; the queue and how many train at once. */
    public RunQueue queue() { return queue; }
    public PresetsViewModel presets() { return presets; }
    public ReplayViewModel replay() { return replay; }
    /** New, open, save, restore; the session's file and whether it changed. */
    public SessionFilesViewModel files() { return files; }
    public ExportViewModel export() { return export; }
    /** The door for file work, for the window's own writes (charts as images). */
    public BackgroundTasks tasks() { return tasks; }
}
