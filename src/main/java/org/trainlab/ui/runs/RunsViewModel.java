package org.trainlab.ui.runs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.text.SettingsDiff;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.group.Grouping;
import org.trainlab.ui.settings.SettingsViewModel;
import org.trainlab.session.Groups;

/**
 * The session's runs as the window shows them: the rows of the list, which of them the charts overlay,
 * which one is active (the settings panel and the run bar follow it), the run bar's figures and the
 * status line. The other rooms change the session through {@link #change} and tell this model what they
 * know of a run through an {@link Activity} (the queue: waiting or training; the replay: replaying).
 *
 * <p>Everything here runs on the FX thread.
 *
 * <p>The settings panel edits the active run while it has not started (a draft, or a run waiting in the
 * queue); for a run that has started it shows that run's settings.
 */
public final class RunsViewModel {

    private static final Logger log = LoggerFactory.getLogger(RunsViewModel.class);

    /** What another room knows of a run; every answer defaults to "nothing". */
    public interface Activity {
        default boolean replaying(String runId) { return false; }
        default boolean waiting(String runId) { return false; }
        /** 1 for the next run to start, 0 when not waiting. */
        default int position(String runId) { return 0; }
        /** Handed to the trainer and not ended. */
        default boolean inProgress(String runId) { return false; }
    }

    private final LiveSession live;
    private final SettingsViewModel settings;
    private final ChartsModel charts;
    private final Runnable saveRequest;
    private final ObservableValue<Locale> locale;
    private final List<Activity> activities = new CopyOnWriteArrayList<>();
    private final List<Consumer<Session>> refreshListeners = new CopyOnWriteArrayList<>();
    /** What the window knows of each run's progress, by run id. */
    private final Map<String, RunTracker> trackers = new HashMap<>();

    private final Grouping grouping = new Grouping();
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RunRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<String> activeRunId = new SimpleObjectProperty<>(this, "activeRunId");
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
    private final ReadOnlyBooleanWrapper hasRuns = new ReadOnlyBooleanWrapper(this, "hasRuns");
    private Consumer<Notice> noticeHandler = n -> log.warn("{}: {}", n.textKey(), n.args());

    private boolean loadingPanel;
    private boolean syncing;
    private Status focusedStatus;

    /**
     * @param saveRequest asks for an autosave soon; called after every change made through {@link #change};
     *                    must return at once
     */
    public RunsViewModel(LiveSession live, SettingsViewModel settings, ChartsModel charts, Runnable saveRequest,
                         ObservableValue<Locale> locale) {
        this.live = live;
        this.settings = settings;
        this.charts = charts;
        this.saveRequest = saveRequest;
        this.locale = locale;
        activeRunId.addListener((obs, old, id) -> onActiveChanged(id));
        settings.settingsProperty().addListener((obs, old, now) -> onPanelChanged(now));
        locale.addListener((obs, old, now) -> refresh());
    }

    /** Another room's knowledge of runs, asked at every refresh. */
    public void addActivity(Activity activity) {
        activities.add(Objects.requireNonNull(activity, "activity"));
    }

    /** Called at the end of every refresh with the session, for figures other rooms derive from it. */
    public void addRefreshListener(Consumer<Session> listener) {
        refreshListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Where dialogs go; the window shows them, tests collect them. */
    public void setNoticeHandler(Consumer<Notice> handler) {
        noticeHandler = Objects.requireNonNull(handler, "handler");
    }

    /** Shows a dialog (an error naming a file, ...). */
    public void notice(Notice notice) {
        noticeHandler.accept(notice);
    }

    /** Puts a sentence in the status line, e.g. after the window copied code to the clipboard. */
    public void showStatus(Status message) {
        status.set(message);
    }

    // ---- Changing the session

    /** Applies a change to the session, asks for an autosave and brings rows, charts and figures up to date. */
    public void change(UnaryOperator<Session> change) {
        live.update(change);
        saveRequest.run();
        refresh();
    }

    /** Asks for an autosave soon. */
    public void requestSave() {
        saveRequest.run();
    }

    /** Adds a run at the end of the list, shows it on the charts and makes it the active run. */
    public void addAndActivate(SessionRun run) {
        change(s -> {
            List<String> selected = new ArrayList<>(s.selected());
            selected.add(run.id());
            return s.withRun(run).withSelected(selected).withActiveRunId(run.id());
        });
        activeRunId.set(run.id());
    }

    /**
     * Puts {@code session} in place of the open one: every run's curves and figures from what it holds.
     * The rooms have let go of their runs first; {@link #activateLoaded()} then chooses the active run.
     */
    public void load(Session session) {
        trackers.clear();
        live.replace(session);
        charts.clear();
        grouping.clearCharts();
        rows.clear();
        for (SessionRun r : session.runs()) {
            charts.load(r);
            trackers.put(r.id(), RunTracker.of(r));
        }
    }

    /** After {@link #load}: the session's own active run becomes the active one, and everything is brought up to date. */
    public void activateLoaded() {
        Session session = live.snapshot();
        String active = session.activeRunId() != null && session.run(session.activeRunId()).isPresent()
                ? session.activeRunId() : null;
        refresh();
        if (Objects.equals(activeRunId.get(), active)) {
            onActiveChanged(active);
        } else {
            activeRunId.set(active);
        }
    }

    /** Takes a removed run's figures away. */
    public void forget(String runId) {
        trackers.remove(runId);
        charts.remove(runId);
    }

    /** The progress of a run, or null when nothing is known of it. */
    public RunTracker tracker(String runId) {
        return trackers.get(runId);
    }

    /** A run handed to the trainer gets a fresh tracker. */
    public void track(String runId, RunTracker tracker) {
        trackers.put(runId, tracker);
    }

    // ---- Asking about runs

    /** The active run as the session holds it now. */
    public Optional<SessionRun> activeRun() {
        String id = activeRunId.get();
        return id == null ? Optional.empty() : live.snapshot().run(id);
    }

    /** The settings a new run or an export takes: the active run's, else the panel's. */
    public ExperimentSettings activeOrPanelSettings() {
        return activeRun().map(SessionRun::settings).orElse(settings.settingsProperty().get());
    }

    /** Whether a room has handed the run to the trainer and it has not ended. */
    public boolean inProgress(String runId) {
        return activities.stream().anyMatch(a -> a.inProgress(runId));
    }

    /** Where a run is in its life, as the list shows it. */
    public RunRow.Phase phase(SessionRun run) {
        String id = run.id();
        if (activities.stream().anyMatch(a -> a.replaying(id))) {
            return RunRow.Phase.REPLAYING;
        }
        if (activities.stream().anyMatch(a -> a.waiting(id))) {
            return RunRow.Phase.WAITING;
        }
        if (inProgress(id)) {
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
        return activities.stream().mapToInt(a -> a.position(id)).max().orElse(0);
    }

    // ---- Selection and the settings panel

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

    /** Brings rows, the overlay, the bar's figures and the status up to date with the session. */
    public void refresh() {
        Session s = live.snapshot();
        Locale l = locale.getValue();
        Session shown = Groups.localized(s, l); // groups and members named in the window's language
        Map<String, RunRow> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<RunRow> next = new ArrayList<>(s.runs().size());
        syncing = true;
        try {
            for (SessionRun run : shown.runs()) {
                RunRow row = byId.get(run.id());
                if (row == null) {
                    row = new RunRow(run.id());
                    RunRow added = row;
                    row.overlaidProperty().addListener((obs, was, on) -> onOverlaidChanged(added.id(), on));
                }
                update(row, run, shown, l);
                next.add(row);
            }
            syncRows(next);
        } finally {
            syncing = false;
        }
        List<ChartsModel.Overlay> overlay = new ArrayList<>();
        for (SessionRun run : shown.runs()) {
            if (s.selected().contains(run.id())) {
                overlay.add(new ChartsModel.Overlay(run.id(), run.colorIndex(), legend(run, shown, l)));
            }
        }
        charts.setOverlay(grouping.refresh(shown, l, overlay, charts), grouping.highlight(activeRunId.get()));
        updateFocused(s);
        hasRuns.set(!s.runs().isEmpty());
        refreshListeners.forEach(listener -> listener.accept(s));
    }

    /**
     * Makes the rows follow the session's runs by removing and inserting, not by replacing them all, so
     * the list keeps its selection when a run is added or removed.
     */
    private void syncRows(List<RunRow> next) {
        Set<RunRow> keep = Collections.newSetFromMap(new IdentityHashMap<>());
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
        SessionRun parent = parent(run, s);
        if (row.changedSince(run, parent, l)) { // a session's runs are immutable: the same object, the same texts
            row.setColorIndex(run.colorIndex());
            row.setName(run.name());
            row.setParentName(parent == null ? "" : parent.name());
            row.setDifference(parent == null ? "" : SettingsDiff.describe(parent.settings(), run.settings(), l));
            row.setSummary(SettingsDiff.summary(run.settings(), l));
            var best = run.bestEpoch();
            row.setBest(best.map(EpochMetrics::testAccuracy).orElse(Double.NaN), best.map(EpochMetrics::epoch).orElse(0));
            row.setFinalGap(run.finalGap());
        }
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
        row.setNote(run.message());
        row.setProgress(p.inProgress() && t != null ? t.progress() : p == RunRow.Phase.WAITING ? 0 : Double.NaN);
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
            PropertyChanges.changeTo(imagesPerSecond, Double.NaN);
            PropertyChanges.changeTo(secondsLeft, Double.NaN);
        } else {
            boolean training = inProgress(id);
            state.set(t.state());
            epoch.set(t.epoch());
            epochs.set(t.epochs());
            batch.set(t.batch());
            batches.set(t.batches());
            PropertyChanges.changeTo(progress, t.progress());
            PropertyChanges.changeTo(imagesPerSecond, training ? t.imagesPerSecond() : Double.NaN);
            PropertyChanges.changeTo(secondsLeft, training ? t.secondsLeft() : Double.NaN);
            // the status line follows the active run as it changes, and says where a newly chosen one is
            if (!Objects.equals(t.status(), focusedStatus)) {
                status.set(t.status());
            }
            focusedStatus = t.status();
        }
        if (run == null) {
            PropertyChanges.changeTo(editing, Status.of("panel.new"));
        } else if (p == RunRow.Phase.DRAFT || p == RunRow.Phase.WAITING) {
            PropertyChanges.changeTo(editing, Status.of(p == RunRow.Phase.DRAFT ? "panel.draft" : "panel.waiting", run.name()));
        } else {
            PropertyChanges.changeTo(editing, Status.of("panel.started", run.name()));
        }
    }

    // ---- Properties

    /** The runs, in the session's order. */
    public ObservableList<RunRow> rows() { return rowsView; }
    /** The run the settings panel and the run bar show; the list's selection sets it. */
    public ObjectProperty<String> activeRunIdProperty() { return activeRunId; }
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
    public ReadOnlyBooleanProperty hasRunsProperty() { return hasRuns.getReadOnlyProperty(); }
    public SettingsViewModel settings() { return settings; }
    public ChartsModel charts() { return charts; }
    /** The live session, for the autosaver and tests. */
    public LiveSession session() { return live; }
    /** Groups of seeds: how many Start and presets use, their rows, bands and verdicts. */
    public Grouping grouping() { return grouping; }
    /** The window's language, for names and texts made here. */
    public Locale locale() { return locale.getValue(); }
}
