package org.trainlab.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainlab.engine.RunInfo;
import org.trainlab.engine.TrainingListener;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.SettingsDiff;
import org.trainlab.experiment.json.SettingsJson;
import org.trainlab.export.CsvExport;
import org.trainlab.export.Dl4jExport;
import org.trainlab.export.ExportFiles;
import org.trainlab.export.PyTorchExport;
import org.trainlab.preset.Preset;
import org.trainlab.preset.PresetLoader;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Replay;
import org.trainlab.session.Session;
import org.trainlab.session.SessionJson;
import org.trainlab.session.SessionRecorder;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.charts.RunEvent;
import org.trainlab.ui.group.Grouping;
import org.trainlab.export.VerdictCsv;
import org.trainlab.ui.settings.SettingsViewModel;

/**
 * The workbench's runs: the session they live in, the queue that trains them (one after another, or up
 * to a chosen number at once), which of them the charts overlay and which one the settings panel shows,
 * lecture presets, replays, and opening, saving and exporting.
 *
 * <p>Threads: training threads only reach this model through the {@link MetricDrain} (their events,
 * tagged with the run) and the {@link LiveSession} (a {@link SessionRecorder} per run, which also asks
 * for an autosave after every epoch). Everything here runs on the FX thread; file work runs on the
 * background executor and reports back on the FX executor.
 *
 * <p>The settings panel edits the active run while it has not started (a draft, or a run waiting in the
 * queue); for a run that has started it shows that run's settings, and Start trains them, as changed,
 * as a new run linked to it, so the list and the legend say what differs.
 */
public final class RunsViewModel {

    private static final Logger log = LoggerFactory.getLogger(RunsViewModel.class);

    public static final int MAX_CONCURRENCY = 8;
    /** The replay speeds offered, slowest first. */
    public static final List<Replay.Speed> REPLAY_SPEEDS = List.of(Replay.Speed.timesOriginal(1),
            Replay.Speed.timesOriginal(5), Replay.Speed.timesOriginal(20), Replay.Speed.epochsPerSecond(1),
            Replay.Speed.epochsPerSecond(2), Replay.Speed.epochsPerSecond(5));

    /** A file task for the background executor. */
    @FunctionalInterface
    public interface FileTask {
        void run() throws IOException;
    }

    private final LiveSession live;
    private final SettingsViewModel settings;
    private final ChartsModel charts;
    private final Trainer trainer;
    private final MetricDrain drain;
    private final Runnable saveRequest;
    private final Executor background;
    private final Executor fx;
    private final LongSupplier nanoClock;
    private final ObservableValue<Locale> locale;

    // ---- Queue, FX thread
    private final Deque<String> waiting = new ArrayDeque<>();
    private final Map<String, Submitted> submitted = new LinkedHashMap<>();
    private final Map<String, RunTracker> trackers = new HashMap<>();
    private final AtomicBoolean sessionPending = new AtomicBoolean();
    private final Map<String, Replaying> replays = new LinkedHashMap<>();
    private long replayStart;

    // ---- Properties
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RunRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<String> activeRunId = new SimpleObjectProperty<>(this, "activeRunId");
    private final IntegerProperty concurrency = new SimpleIntegerProperty(this, "concurrency", 1);
    private final ReadOnlyObjectWrapper<RunRow.Phase> activePhase = new ReadOnlyObjectWrapper<>(this, "activePhase");
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyIntegerWrapper epoch = new ReadOnlyIntegerWrapper(this, "epoch");
    private final ReadOnlyIntegerWrapper epochs = new ReadOnlyIntegerWrapper(this, "epochs");
    private final ReadOnlyIntegerWrapper batch = new ReadOnlyIntegerWrapper(this, "batch");
    private final ReadOnlyIntegerWrapper batches = new ReadOnlyIntegerWrapper(this, "batches");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyDoubleWrapper imagesPerSecond = new ReadOnlyDoubleWrapper(this, "imagesPerSecond", Double.NaN);
    private final ReadOnlyDoubleWrapper secondsLeft = new ReadOnlyDoubleWrapper(this, "secondsLeft", Double.NaN);
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.of("status.ready"));
    private final ReadOnlyObjectWrapper<Status> editing = new ReadOnlyObjectWrapper<>(this, "editing", Status.of("panel.new"));
    private final ReadOnlyObjectWrapper<Status> queueSummary = new ReadOnlyObjectWrapper<>(this, "queueSummary", Status.of("queue.idle"));
    private final ReadOnlyIntegerWrapper inProgress = new ReadOnlyIntegerWrapper(this, "inProgress");
    private final ReadOnlyIntegerWrapper waitingCount = new ReadOnlyIntegerWrapper(this, "waitingCount");
    private final ReadOnlyBooleanWrapper replaying = new ReadOnlyBooleanWrapper(this, "replaying");
    /** Two epochs a second: a 40-epoch comparison replays in 20 seconds, slow enough to talk over. */
    private final ObjectProperty<Replay.Speed> replaySpeed = new SimpleObjectProperty<>(this, "replaySpeed",
            REPLAY_SPEEDS.get(4));
    private final ReadOnlyBooleanWrapper replayable = new ReadOnlyBooleanWrapper(this, "replayable");
    private final ReadOnlyObjectWrapper<Path> sessionFile = new ReadOnlyObjectWrapper<>(this, "sessionFile");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper hasRuns = new ReadOnlyBooleanWrapper(this, "hasRuns");
    private final ObservableList<Preset> presets = FXCollections.observableArrayList();
    private final BooleanBinding canStart;
    private final BooleanBinding canPause;
    private final BooleanBinding canStop;
    private final BooleanBinding canDuplicate;
    private final BooleanBinding canRemove;
    private Consumer<Notice> noticeHandler = n -> log.warn("{}: {}", n.textKey(), n.args());
    private final Grouping grouping = new Grouping();

    /** The session as last opened or saved: the window asks before losing changes made since. */
    private Session clean;
    private boolean loadingPanel;
    private boolean syncing;
    private Status focusedStatus;

    /**
     * @param saveRequest asks for an autosave soon; called after every change made here (training threads
     *                    ask after every epoch through their recorders); must return at once
     * @param nanoClock   the time for replays, {@link System#nanoTime()} in the window
     */
    public RunsViewModel(LiveSession live, SettingsViewModel settings, ChartsModel charts, Trainer trainer,
                         MetricDrain drain, Runnable saveRequest, Executor background, Executor fx,
                         LongSupplier nanoClock, ObservableValue<Locale> locale) {
        this.live = live;
        this.settings = settings;
        this.charts = charts;
        this.trainer = trainer;
        this.drain = drain;
        this.saveRequest = saveRequest;
        this.background = background;
        this.fx = fx;
        this.nanoClock = nanoClock;
        this.locale = locale;
        canStart = Bindings.createBooleanBinding(() -> settings.validProperty().get()
                && activePhase.get() != RunRow.Phase.WAITING, settings.validProperty(), activePhase);
        canPause = Bindings.createBooleanBinding(() -> state.get() == RunState.RUNNING || state.get() == RunState.PAUSED,
                state);
        canStop = Bindings.createBooleanBinding(() -> activePhase.get() != null
                && (activePhase.get() == RunRow.Phase.WAITING || activePhase.get().inProgress()), activePhase);
        canDuplicate = activeRunId.isNotNull();
        canRemove = Bindings.createBooleanBinding(() -> activePhase.get() != null && !activePhase.get().inProgress()
                && activePhase.get() != RunRow.Phase.REPLAYING, activePhase);
        initListeners();
        replaceSession(live.snapshot(), null);
    }

    private void initListeners() {
        drain.addConsumer(this::onEvents);
        live.addListener(session -> {
            // any thread: the FX thread reads the session at its next drain
            if (sessionPending.compareAndSet(false, true)) {
                drain.offer(new RunEvent.SessionChanged());
            }
        });
        activeRunId.addListener((obs, old, id) -> onActiveChanged(id));
        settings.settingsProperty().addListener((obs, old, now) -> onPanelChanged(now));
        concurrency.addListener((obs, old, n) -> {
            trainer.setConcurrency(n.intValue());
            pump();
            refresh();
        });
        locale.addListener((obs, old, now) -> refresh());
    }

    /** Where dialogs go; the window shows them, tests collect them. */
    public void setNoticeHandler(Consumer<Notice> handler) {
        noticeHandler = Objects.requireNonNull(handler, "handler");
    }

    // ---- Commands: runs and the queue

    /**
     * Start (F5). A draft that the panel edits is queued; otherwise the panel's settings become a new run,
     * linked to the active run when there is one (so the legend names what changed), and are queued.
     */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        ExperimentSettings chosen = settings.settingsProperty().get();
        SessionRun active = activeRun().orElse(null);
        if (active != null && phase(active) == RunRow.Phase.DRAFT) {
            String id = active.id();
            ExperimentSettings named = chosen.name().isBlank() ? chosen.withName(active.name()) : chosen;
            change(s -> s.updateRun(id, r -> r.withSettings(named)));
            enqueue(List.of(id));
            return;
        }
        Session now = live.snapshot();
        String id = SessionRun.newId();
        ExperimentSettings named = chosen.withName(uniqueName(now, chosen.name()));
        if (grouping.seedsProperty().get() > 1) {
            queueAdded(now, grouping.repeat(now, named, active == null ? null : active.id(), locale.getValue()), false);
            return;
        }
        SessionRun run = active == null ? SessionRun.queued(id, now.nextColorIndex(), named)
                : SessionRun.derivedFrom(active, named, id, now.nextColorIndex());
        addAndActivate(run);
        enqueue(List.of(id));
    }

    /** Duplicate (Ctrl+D): a draft copy of the active run, same settings and seed, linked to it for "change one thing". */
    public void duplicate() {
        SessionRun parent = activeRun().orElse(null);
        if (parent == null) {
            return;
        }
        Session now = live.snapshot();
        ExperimentSettings copy = parent.settings().withName(uniqueName(now, parent.name()));
        SessionRun run = SessionRun.derivedFrom(parent, copy, SessionRun.newId(), now.nextColorIndex());
        addAndActivate(run);
        status.set(Status.of("status.duplicated", parent.name()));
    }

    /** Adds a run at the end of the list, shows it on the charts and makes it the active run. */
    private void addAndActivate(SessionRun run) {
        change(s -> {
            List<String> selected = new ArrayList<>(s.selected());
            selected.add(run.id());
            return s.withRun(run).withSelected(selected).withActiveRunId(run.id());
        });
        activeRunId.set(run.id());
    }

    /** Pauses the active run, or resumes it (F6). */
    public void togglePause() {
        String id = activeRunId.get();
        Submitted run = id == null ? null : submitted.get(id);
        if (run == null) {
            return;
        }
        if (state.get() == RunState.PAUSED) {
            run.control().resume();
        } else if (state.get() == RunState.RUNNING) {
            run.control().pause();
        }
    }

    /** Stops the active run (F7), or takes it out of the queue if it has not started. */
    public void stop() {
        if (activeRunId.get() != null) {
            cancel(activeRunId.get());
        }
    }

    /**
     * A row's cancel button: a waiting run leaves the queue (it stays in the list, not started); a run in
     * progress stops after its current batch and keeps its finished epochs.
     */
    public void cancel(String runId) {
        if (waiting.remove(runId)) {
            refresh();
            return;
        }
        Submitted run = submitted.get(runId);
        if (run != null) {
            run.control().stop();
        }
    }

    /** Empties the queue and stops every run in progress. */
    public void stopAll() {
        waiting.clear();
        submitted.values().forEach(s -> s.control().stop());
        refresh();
    }

    /** Removes the active run from the session; runs in progress must be stopped first. */
    public void removeActive() {
        String id = activeRunId.get();
        if (id == null || !canRemove.get()) {
            return;
        }
        waiting.remove(id);
        trackers.remove(id);
        activeRunId.set(null);
        change(s -> s.withoutRun(id));
        charts.remove(id);
    }

    /** Queues runs in this order, and starts as many as the limit allows. */
    private void enqueue(List<String> ids) {
        for (String id : ids) {
            if (!waiting.contains(id) && !submitted.containsKey(id)) {
                waiting.addLast(id);
            }
        }
        pump();
        refresh();
    }

    /** Hands waiting runs to the trainer while fewer than the limit are in progress. */
    private void pump() {
        List<RunEvent> started = new ArrayList<>();
        while (submitted.size() < concurrency.get() && !waiting.isEmpty()) {
            String id = waiting.pollFirst();
            live.snapshot().run(id).ifPresent(run -> {
                submit(run);
                started.add(new RunEvent.Started(id, run.settings()));
            });
        }
        // the curves start afresh, all in one change, before any of the runs' points can arrive
        // through the drain (on this thread, later)
        if (!started.isEmpty()) {
            charts.apply(started);
        }
    }

    private void submit(SessionRun run) {
        String id = run.id();
        ExperimentSettings s = run.settings();
        Gate gate = new Gate();
        // the recorder first, so the session holds an epoch before the window hears of it; nothing
        // once the run's session is no longer open
        TrainingListener listener = TrainingListener.gated(() -> gate.open,
                TrainingListener.both(new SessionRecorder(live, id, saveRequest), new Forwarder(drain, id)));
        RunTracker tracker = RunTracker.submitted(s);
        trackers.put(id, tracker);
        try {
            Trainer.Control control = trainer.submit(s, listener);
            submitted.put(id, new Submitted(control, gate));
            if (Objects.equals(activeRunId.get(), id)) {
                status.set(Status.of("status.queued"));
            }
        } catch (RuntimeException e) {
            gate.close();
            String why = String.valueOf(e.getMessage());
            tracker.apply(new RunEvent.StateChanged(id, RunState.FAILED, why));
            change(x -> x.updateRun(id, r -> r.withState(RunState.FAILED, why)));
        }
    }

    /** How many runs may train at once. */
    public void setConcurrency(int runs) {
        concurrency.set(Math.max(1, Math.min(MAX_CONCURRENCY, runs)));
    }

    // ---- Commands: presets

    /** Reads the shipped and the user's presets in the background; problems go to the status line. */
    public void loadPresets() {
        background.execute(() -> {
            PresetLoader.Result result = PresetLoader.loadAll();
            fx.execute(() -> {
                presets.setAll(result.presets());
                if (!result.problems().isEmpty()) {
                    status.set(Status.of("status.presetProblems", result.problems().size(),
                            String.join(" ", result.problems())));
                }
            });
        });
    }

    /** One click: adds the preset's runs (the first the reference, the others linked to it), shows only them, queues them all. */
    public void queuePreset(Preset preset) {
        grouping.askFirst(preset, locale.getValue(), predicted -> queuePreset(preset, predicted));
    }

    private void queuePreset(Preset preset, int predicted) {
        Session before = live.snapshot();
        List<String> ids = queueAdded(before, grouping.comparison(before, preset, predicted, locale.getValue()), true);
        status.set(Status.of("status.presetQueued", ids.size(), preset.name().get(locale.getValue())));
    }

    /** Adds what {@code after} has more than {@code before} (runs, groups), makes its first run active and queues them. */
    private List<String> queueAdded(Session before, Session after, boolean showOnlyThem) {
        List<String> ids = Grouping.added(before, after);
        change(s -> {
            Session next = Grouping.additions(before, after).apply(s);
            List<String> shown = new ArrayList<>(showOnlyThem ? List.of() : next.selected());
            shown.addAll(ids);
            return next.withSelected(shown).withActiveRunId(ids.get(0));
        });
        activeRunId.set(ids.get(0));
        enqueue(Grouping.queueOrder(after, ids));
        return ids;
    }

    // ---- Commands: replay

    /**
     * Replays the finished runs on the charts (those shown, or else the active one) from their first
     * epoch, at {@link #replaySpeedProperty()}; {@link #replayTick()} moves them on.
     */
    public void replay() {
        stopReplay();
        Session s = live.snapshot();
        List<SessionRun> targets = new ArrayList<>();
        for (SessionRun r : s.runs()) {
            if (s.selected().contains(r.id()) && replayable(r)) {
                targets.add(r);
            }
        }
        if (targets.isEmpty()) {
            activeRun().filter(this::replayable).ifPresent(targets::add);
        }
        if (targets.isEmpty()) {
            return;
        }
        for (SessionRun r : targets) {
            replays.put(r.id(), new Replaying(r, Replay.of(r, replaySpeed.get())));
            charts.beginReplay(r);
        }
        replayStart = nanoClock.getAsLong();
        replaying.set(true);
        status.set(Status.of("status.replaying", targets.size()));
        refresh();
    }

    /** Shows what the replay has reached by now; call a few times a second while {@link #replayingProperty()}. */
    public void replayTick() {
        if (replays.isEmpty()) {
            return;
        }
        double seconds = (nanoClock.getAsLong() - replayStart) / 1e9;
        boolean done = true;
        for (Replaying r : replays.values()) {
            Replay.Frame frame = r.replay().at(seconds);
            charts.showReplay(r.run(), frame.epochs(), frame.lossPoints());
            done &= frame.finished();
        }
        if (done) {
            endReplay();
            status.set(Status.of("status.replayed"));
        }
    }

    /** Ends a replay at once, with every curve complete. */
    public void stopReplay() {
        if (replays.isEmpty()) {
            return;
        }
        for (Replaying r : replays.values()) {
            charts.showReplay(r.run(), r.run().epochs().size(), r.run().losses().points().size());
        }
        endReplay();
    }

    private void endReplay() {
        replays.clear();
        replaying.set(false);
        refresh();
    }

    private boolean replayable(SessionRun run) {
        return run.state().isFinal() && !run.epochs().isEmpty() && !submitted.containsKey(run.id());
    }

    // ---- Commands: sessions

    /** Reads a session file in the background; a damaged or foreign file leaves the current session as it is. */
    public void openSession(Path file) {
        background.execute(() -> {
            try {
                Session opened = SessionJson.read(file);
                fx.execute(() -> {
                    replaceSession(settle(opened), file);
                    status.set(Status.of("status.opened", file.getFileName().toString(), opened.runs().size()));
                });
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> noticeHandler.accept(Notice.error("notice.open.title", "notice.open.failed",
                        file.toString(), String.valueOf(e.getMessage()))));
            }
        });
    }

    /** Writes the session as it is now to {@code file} in the background; the file becomes the session's file. */
    public void saveSession(Path file) {
        Session snapshot = live.snapshot();
        writeInBackground(file, () -> SessionJson.write(file, snapshot), () -> {
            sessionFile.set(file);
            clean = snapshot;
            refresh();
            status.set(Status.of("status.saved", file.getFileName().toString(), snapshot.runs().size()));
        });
    }

    /** Writes the session now, on this thread: before quitting, when the write must be done before the program ends. */
    public void saveSessionNow(Path file) throws IOException {
        Session snapshot = live.snapshot();
        SessionJson.write(file, snapshot);
        sessionFile.set(file);
        clean = snapshot;
        refresh();
    }

    /** Puts a sentence in the status line, e.g. after the window copied code to the clipboard. */
    public void showStatus(Status message) {
        status.set(message);
    }

    /**
     * Brings back the session of a run that did not end normally: every finished epoch on the charts.
     * Runs that had not finished an epoch come back not started, ready to queue again.
     */
    public void restore(Session recovered) {
        Session restored = settle(recovered);
        for (SessionRun r : recovered.runs()) {
            if (r.epochs().isEmpty() && (!r.state().isFinal() || interrupted(r))) {
                restored = restored.updateRun(r.id(), x -> x.withState(RunState.QUEUED, null));
            }
        }
        replaceSession(restored, null);
        clean = null; // restored, not saved anywhere yet
        refresh();
        int epochCount = recovered.runs().stream().mapToInt(r -> r.epochs().size()).sum();
        status.set(Status.of("status.restored", recovered.runs().size(), epochCount));
        saveRequest.run();
    }

    /** An empty session; runs in progress stop. */
    public void newSession() {
        replaceSession(Session.empty(), null);
        status.set(Status.of("status.ready"));
        saveRequest.run();
    }

    /** Whether any run is waiting or training (opening another session would stop them). */
    public boolean busy() {
        return !waiting.isEmpty() || !submitted.isEmpty();
    }

    private void replaceSession(Session session, Path file) {
        stopReplay();
        waiting.clear();
        submitted.values().forEach(s -> {
            s.gate().close();
            s.control().stop();
        });
        submitted.clear();
        trackers.clear();
        live.replace(session);
        charts.clear();
        grouping.clearCharts();
        rows.clear();
        for (SessionRun r : session.runs()) {
            charts.load(r);
            trackers.put(r.id(), RunTracker.of(r));
        }
        sessionFile.set(file);
        clean = live.snapshot();
        String active = session.activeRunId() != null && session.run(session.activeRunId()).isPresent()
                ? session.activeRunId() : null;
        refresh();
        if (Objects.equals(activeRunId.get(), active)) {
            onActiveChanged(active);
        } else {
            activeRunId.set(active);
        }
    }

    /** Stopped by the crash itself (see {@code SessionStore.interrupted}), not by the user. */
    private static boolean interrupted(SessionRun run) {
        return run.state() == RunState.STOPPED && run.message() != null && run.message().startsWith("interrupted:");
    }

    /** Queues every run that has not started, in the list's order. */
    public void queueDrafts() {
        List<String> drafts = live.snapshot().runs().stream().filter(r -> phase(r) == RunRow.Phase.DRAFT)
                .map(SessionRun::id).toList();
        enqueue(drafts);
    }

    /** Runs that were training when the file was written have stopped; queued ones become drafts. */
    static Session settle(Session session) {
        Session settled = session;
        for (SessionRun r : session.runs()) {
            if (r.state() == RunState.PREPARING || r.state() == RunState.RUNNING || r.state() == RunState.PAUSED) {
                int n = r.epochs().size();
                String message = "interrupted: restored " + n + " finished epoch" + (n == 1 ? "" : "s");
                settled = settled.updateRun(r.id(), x -> x.withState(RunState.STOPPED, message));
            }
        }
        return settled;
    }

    // ---- Commands: export

    /** Metrics as CSV: the active run's epochs, or every run's in one table. */
    public void exportMetrics(Path file, boolean allRuns) {
        Session s = live.snapshot();
        String csv;
        if (allRuns) {
            csv = CsvExport.allRuns(s.runs());
            if (!VerdictCsv.verdicts(s).isEmpty()) {
                Locale l = locale.getValue();
                writeInBackground(file, () -> VerdictCsv.writeBeside(file, s, l), () -> { });
            }
        } else {
            SessionRun run = activeRun().orElse(null);
            if (run == null) {
                return;
            }
            csv = CsvExport.run(run);
        }
        writeInBackground(file, () -> CsvExport.write(file, csv),
                () -> status.set(Status.of("status.exported", file.toString())));
    }

    /** The active run's settings as a settings file (the panel's settings when no run is active). */
    public void exportSettings(Path file) {
        ExperimentSettings s = exportedSettings();
        writeInBackground(file, () -> ExportFiles.write(file, SettingsJson.write(s) + "\n"),
                () -> status.set(Status.of("status.exported", file.toString())));
    }

    /** Writes text (code, an SVG) to a file in the background, atomically. */
    public void exportText(Path file, String text) {
        writeInBackground(file, () -> ExportFiles.write(file, text),
                () -> status.set(Status.of("status.exported", file.toString())));
    }

    /** Runs a file task in the background; a failure is shown naming the file. */
    public void writeInBackground(Path file, FileTask task, Runnable done) {
        background.execute(() -> {
            try {
                task.run();
                fx.execute(done);
            } catch (IOException | RuntimeException e) {
                log.warn("cannot write {}", file, e);
                fx.execute(() -> noticeHandler.accept(Notice.error("notice.write.title", "notice.write.failed",
                        file.toString(), String.valueOf(e.getMessage()))));
            }
        });
    }

    /** The PyTorch script for the active run's settings; the bundled digits it reads are put in place in the background. */
    public String pyTorchCode() {
        ExperimentSettings s = exportedSettings();
        Path folder = PyTorchExport.defaultDataFolder(s);
        if (s.data().source() == org.trainlab.experiment.settings.DatasetSource.BUNDLED_DIGITS) {
            background.execute(() -> {
                try {
                    PyTorchExport.extractBundledDigits(folder);
                } catch (IOException e) {
                    log.warn("cannot put the bundled digits in {}", folder, e);
                }
            });
        }
        return PyTorchExport.code(s, folder);
    }

    public String dl4jCode() {
        return Dl4jExport.code(exportedSettings());
    }

    /** A file name for exports of the active run, from its name. */
    public String exportBaseName() {
        String name = exportedSettings().name();
        String cleaned = name == null ? "" : name.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "run" : cleaned;
    }

    private ExperimentSettings exportedSettings() {
        return activeRun().map(SessionRun::settings).orElse(settings.settingsProperty().get());
    }

    // ---- Events, FX thread

    private void onEvents(List<RunEvent> events) {
        boolean sessionChanged = false;
        List<String> ended = new ArrayList<>();
        List<RunEvent> forCharts = new ArrayList<>(events.size());
        for (RunEvent event : events) {
            if (event instanceof RunEvent.SessionChanged) {
                sessionChanged = true;
                continue;
            }
            RunTracker tracker = submitted.containsKey(event.runId()) ? trackers.get(event.runId()) : null;
            if (tracker == null) {
                continue; // a run of a session no longer open
            }
            tracker.apply(event);
            forCharts.add(event);
            if (event instanceof RunEvent.StateChanged changed && changed.state().isFinal()) {
                ended.add(event.runId());
            }
        }
        charts.apply(forCharts);
        for (String id : ended) {
            submitted.remove(id);
        }
        if (sessionChanged) {
            sessionPending.set(false);
        }
        if (!ended.isEmpty()) {
            pump();
        }
        refresh();
    }

    private void onActiveChanged(String id) {
        if (!Objects.equals(live.snapshot().activeRunId(), id)) {
            change(s -> s.withActiveRunId(id));
        }
        SessionRun run = id == null ? null : live.snapshot().run(id).orElse(null);
        if (run != null) {
            loadingPanel = true;
            try {
                settings.load(run.settings());
            } finally {
                loadingPanel = false;
            }
        }
        focusedStatus = null;
        refresh();
    }

    /** The panel edits a run that has not started: keep its settings as typed, when they are valid. */
    private void onPanelChanged(ExperimentSettings now) {
        if (loadingPanel || now == null || !settings.validProperty().get()) {
            return;
        }
        SessionRun run = activeRun().orElse(null);
        if (run == null) {
            return;
        }
        RunRow.Phase p = phase(run);
        if ((p == RunRow.Phase.DRAFT || p == RunRow.Phase.WAITING) && !run.settings().equals(now)) {
            change(s -> s.updateRun(run.id(), r -> r.withSettings(now)));
        }
    }

    // ---- Rows and figures

    /** Applies a change made here and brings rows, charts and figures up to date. */
    private void change(UnaryOperator<Session> change) {
        live.update(change);
        saveRequest.run();
        refresh();
    }

    /** Brings rows, the overlay, the bar's figures and the status up to date with the session. */
    private void refresh() {
        Session s = live.snapshot();
        Locale l = locale.getValue();
        Map<String, RunRow> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<RunRow> next = new ArrayList<>(s.runs().size());
        syncing = true;
        try {
            for (SessionRun run : s.runs()) {
                RunRow row = byId.get(run.id());
                if (row == null) {
                    row = new RunRow(run.id());
                    RunRow added = row;
                    row.overlaidProperty().addListener((obs, was, on) -> onOverlaidChanged(added.id(), on));
                }
                update(row, run, s, l);
                next.add(row);
            }
            syncRows(next);
        } finally {
            syncing = false;
        }
        List<ChartsModel.Overlay> overlay = new ArrayList<>();
        for (SessionRun run : s.runs()) {
            if (s.selected().contains(run.id())) {
                overlay.add(new ChartsModel.Overlay(run.id(), run.colorIndex(), legend(run, s, l)));
            }
        }
        charts.setOverlay(grouping.refresh(s, l, overlay, rows, charts), grouping.highlight(activeRunId.get()));
        updateFocused(s);
        inProgress.set(submitted.size());
        waitingCount.set(waiting.size());
        queueSummary.set(submitted.isEmpty() && waiting.isEmpty() ? Status.of("queue.idle")
                : Status.of("queue.busy", submitted.size(), waiting.size()));
        hasRuns.set(!s.runs().isEmpty());
        dirty.set(!sameContent(s, clean));
        replayable.set(!replaying.get() && s.runs().stream().anyMatch(r -> replayable(r)
                && (s.selected().contains(r.id()) || r.id().equals(activeRunId.get()))));
    }

    /** Which run is looked at is no change worth asking about before closing. */
    private static boolean sameContent(Session a, Session b) {
        return a == b || b != null && a.withActiveRunId(null).equals(b.withActiveRunId(null));
    }

    /**
     * Makes the rows follow the session's runs by removing and inserting, not by replacing them all, so
     * the list keeps its selection when a run is added or removed.
     */
    private void syncRows(List<RunRow> next) {
        Set<RunRow> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        keep.addAll(next);
        rows.removeIf(r -> !keep.contains(r));
        for (int i = 0; i < next.size(); i++) {
            if (i >= rows.size() || rows.get(i) != next.get(i)) {
                if (rows.contains(next.get(i))) {
                    rows.setAll(next); // reordered: rare, and a full reset is then right
                    return;
                }
                rows.add(i, next.get(i));
            }
        }
    }

    private void update(RunRow row, SessionRun run, Session s, Locale l) {
        RunRow.Phase p = phase(run);
        RunTracker t = trackers.get(run.id());
        row.setColorIndex(run.colorIndex());
        row.setName(run.name());
        SessionRun parent = parent(run, s);
        row.setParentName(parent == null ? "" : parent.name());
        row.setDifference(parent == null ? "" : SettingsDiff.describe(parent.settings(), run.settings(), l));
        row.setSummary(SettingsDiff.summary(run.settings(), l));
        row.setPhase(p);
        int planned = run.settings().training().epochs();
        int done = run.epochs().size();
        row.setStatus(switch (p) {
            case DRAFT -> Status.of("runs.phase.DRAFT");
            case WAITING -> Status.of("runs.phase.WAITING", position(run.id()));
            case PREPARING -> Status.of("runs.phase.PREPARING");
            case RUNNING -> Status.of("runs.phase.RUNNING", t == null ? done : Math.max(1, t.epoch()), planned);
            case PAUSED -> Status.of("runs.phase.PAUSED", t == null ? done : t.epoch(), planned);
            case COMPLETED -> Status.of("runs.phase.COMPLETED", done);
            case STOPPED -> Status.of("runs.phase.STOPPED", done, planned);
            case DIVERGED -> Status.of("runs.phase.DIVERGED", Math.max(1, done + 1));
            case FAILED -> Status.of("runs.phase.FAILED");
            case REPLAYING -> Status.of("runs.phase.REPLAYING");
        });
        row.setMessage(run.message());
        row.setProgress(p.inProgress() && t != null ? t.progress() : p == RunRow.Phase.WAITING ? 0 : Double.NaN);
        var best = run.bestEpoch();
        row.setBest(best.map(EpochMetrics::testAccuracy).orElse(Double.NaN), best.map(EpochMetrics::epoch).orElse(0));
        row.setFinalGap(run.finalGap());
        if (row.overlaidProperty().get() != s.selected().contains(run.id())) {
            row.overlaidProperty().set(s.selected().contains(run.id()));
        }
    }

    /** "name — what differs from the run it came from", or the name alone. */
    private static String legend(SessionRun run, Session s, Locale l) {
        SessionRun parent = parent(run, s);
        String difference = parent == null ? "" : SettingsDiff.describe(parent.settings(), run.settings(), l);
        return difference.isEmpty() ? run.name() : run.name() + " — " + difference;
    }

    private static SessionRun parent(SessionRun run, Session s) {
        return run.parentId() == null ? null : s.run(run.parentId()).orElse(null);
    }

    private void onOverlaidChanged(String id, boolean on) {
        if (syncing) {
            return;
        }
        change(s -> {
            Set<String> chosen = new HashSet<>(s.selected());
            if (on) {
                chosen.add(id);
            } else {
                chosen.remove(id);
            }
            List<String> ordered = s.runs().stream().map(SessionRun::id).filter(chosen::contains).toList();
            return s.withSelected(ordered);
        });
    }

    /** The run bar's figures follow the active run. */
    private void updateFocused(Session s) {
        String id = activeRunId.get();
        SessionRun run = id == null ? null : s.run(id).orElse(null);
        RunRow.Phase p = run == null ? null : phase(run);
        activePhase.set(p);
        RunTracker t = run == null || p == RunRow.Phase.DRAFT || p == RunRow.Phase.WAITING ? null : trackers.get(id);
        if (t == null) {
            state.set(p == RunRow.Phase.WAITING ? RunState.QUEUED : null);
            epoch.set(0);
            epochs.set(0);
            batch.set(0);
            batches.set(0);
            progress.set(0);
            imagesPerSecond.set(Double.NaN);
            secondsLeft.set(Double.NaN);
        } else {
            state.set(t.state());
            epoch.set(t.epoch());
            epochs.set(t.epochs());
            batch.set(t.batch());
            batches.set(t.batches());
            progress.set(t.progress());
            imagesPerSecond.set(submitted.containsKey(id) ? t.imagesPerSecond() : Double.NaN);
            secondsLeft.set(submitted.containsKey(id) ? t.secondsLeft() : Double.NaN);
            // the status line follows the active run as it changes, and says where a newly chosen one is
            if (!Objects.equals(t.status(), focusedStatus)) {
                status.set(t.status());
            }
            focusedStatus = t.status();
        }
        if (run == null) {
            editing.set(Status.of("panel.new"));
        } else if (p == RunRow.Phase.DRAFT || p == RunRow.Phase.WAITING) {
            editing.set(Status.of(p == RunRow.Phase.DRAFT ? "panel.draft" : "panel.waiting", run.name()));
        } else {
            editing.set(Status.of("panel.started", run.name()));
        }
    }

    private RunRow.Phase phase(SessionRun run) {
        String id = run.id();
        if (replays.containsKey(id)) {
            return RunRow.Phase.REPLAYING;
        }
        if (waiting.contains(id)) {
            return RunRow.Phase.WAITING;
        }
        if (submitted.containsKey(id)) {
            RunTracker t = trackers.get(id);
            RunState s = t == null ? RunState.QUEUED : t.state();
            return switch (s) {
                case QUEUED, PREPARING -> RunRow.Phase.PREPARING;
                case RUNNING -> RunRow.Phase.RUNNING;
                case PAUSED -> RunRow.Phase.PAUSED;
                default -> ended(s);
            };
        }
        return run.state() == RunState.QUEUED ? RunRow.Phase.DRAFT : ended(run.state());
    }

    private static RunRow.Phase ended(RunState s) {
        return switch (s) {
            case COMPLETED -> RunRow.Phase.COMPLETED;
            case DIVERGED -> RunRow.Phase.DIVERGED;
            case FAILED -> RunRow.Phase.FAILED;
            default -> RunRow.Phase.STOPPED; // stopped, or in progress with nothing training it
        };
    }

    private int position(String id) {
        int i = 1;
        for (String w : waiting) {
            if (w.equals(id)) {
                return i;
            }
            i++;
        }
        return 0;
    }

    private java.util.Optional<SessionRun> activeRun() {
        String id = activeRunId.get();
        return id == null ? java.util.Optional.empty() : live.snapshot().run(id);
    }

    /** The name, or "Baseline" for none, made unique in the session with " (2)", " (3)", ... */
    static String uniqueName(Session s, String wanted) {
        String base = wanted == null || wanted.isBlank() ? Defaults.NAME : wanted.strip();
        Set<String> taken = new HashSet<>();
        s.runs().forEach(r -> taken.add(r.name()));
        if (!taken.contains(base)) {
            return base;
        }
        String stem = base.replaceFirst(" \\(\\d+\\)$", "");
        for (int n = 2; ; n++) {
            String candidate = stem + " (" + n + ")";
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    // ---- Properties

    /** The runs, in the session's order. */
    public ObservableList<RunRow> rows() { return rowsView; }
    /** The run the settings panel and the run bar show; the list's selection sets it. */
    public ObjectProperty<String> activeRunIdProperty() { return activeRunId; }
    /** How many runs train at once, 1 to {@link #MAX_CONCURRENCY}. */
    public IntegerProperty concurrencyProperty() { return concurrency; }
    public ReadOnlyObjectProperty<RunRow.Phase> activePhaseProperty() { return activePhase.getReadOnlyProperty(); }
    /** The active run's engine state, null when it has not been handed to the trainer. */
    public ReadOnlyObjectProperty<RunState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty epochProperty() { return epoch.getReadOnlyProperty(); }
    /** 0 when the active run has no progress to show. */
    public ReadOnlyIntegerProperty epochsProperty() { return epochs.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty batchProperty() { return batch.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty batchesProperty() { return batches.getReadOnlyProperty(); }
    /** 0 to 1 over the active run; -1 (indeterminate) while preparing. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty imagesPerSecondProperty() { return imagesPerSecond.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty secondsLeftProperty() { return secondsLeft.getReadOnlyProperty(); }
    /** The status line: the active run's progress, or what the last command did. */
    public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }
    /** What the settings panel edits ({@code panel.*}). */
    public ReadOnlyObjectProperty<Status> editingProperty() { return editing.getReadOnlyProperty(); }
    /** "2 training, 3 waiting" ({@code queue.*}). */
    public ReadOnlyObjectProperty<Status> queueSummaryProperty() { return queueSummary.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty inProgressProperty() { return inProgress.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty waitingCountProperty() { return waitingCount.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty replayingProperty() { return replaying.getReadOnlyProperty(); }
    /** A finished run is shown (or active) that a replay could play. */
    public ReadOnlyBooleanProperty replayableProperty() { return replayable.getReadOnlyProperty(); }
    public ObjectProperty<Replay.Speed> replaySpeedProperty() { return replaySpeed; }
    /** The file the session was opened from or last saved to; null for a new one. */
    public ReadOnlyObjectProperty<Path> sessionFileProperty() { return sessionFile.getReadOnlyProperty(); }
    /** Changed since it was last opened or saved. */
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasRunsProperty() { return hasRuns.getReadOnlyProperty(); }
    /** Lecture presets, in the menu's order. */
    public ObservableList<Preset> presets() { return presets; }
    public BooleanBinding canStartProperty() { return canStart; }
    public BooleanBinding canPauseProperty() { return canPause; }
    /** The active run is waiting or in progress. */
    public BooleanBinding canStopProperty() { return canStop; }
    public BooleanBinding canDuplicateProperty() { return canDuplicate; }
    public BooleanBinding canRemoveProperty() { return canRemove; }
    public SettingsViewModel settings() { return settings; }
    public ChartsModel charts() { return charts; }
    /** Groups of seeds: how many Start and presets use, their rows, bands and verdicts. */
    public Grouping grouping() { return grouping; }
    /** The live session, for the autosaver and tests. */
    public LiveSession session() { return live; }

    // ---- Plumbing

    private record Submitted(Trainer.Control control, Gate gate) {
    }

    private record Replaying(SessionRun run, Replay replay) {
    }

    /** Closed when the session the run belongs to is no longer open: its later events are dropped. */
    private static final class Gate {
        private volatile boolean open = true;

        void close() {
            open = false;
        }
    }


    /** Hands a run's callbacks to the drain, tagged with the run and stamped with the time they happened. */
    private record Forwarder(MetricDrain drain, String runId) implements TrainingListener {
        @Override
        public void onStateChanged(RunState state, String message) {
            drain.offer(new RunEvent.StateChanged(runId, state, message));
        }

        @Override
        public void onPrepared(RunInfo info) {
            drain.offer(new RunEvent.Prepared(runId, info));
        }

        @Override
        public void onDownload(String file, long done, long total) {
            drain.offer(new RunEvent.Download(runId, file, done, total));
        }

        @Override
        public void onBatch(BatchMetrics metrics) {
            drain.offer(new RunEvent.Batch(runId, metrics, System.nanoTime()));
        }

        @Override
        public void onEpoch(EpochMetrics metrics) {
            drain.offer(new RunEvent.Epoch(runId, metrics));
        }
    }
}
