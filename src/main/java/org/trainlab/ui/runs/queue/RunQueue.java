package org.trainlab.ui.runs.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.trainlab.engine.RunInfo;
import org.trainlab.engine.TrainingListener;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRecorder;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.group.Grouping;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.charts.RunEvent;
import org.trainlab.ui.runs.PropertyChanges;
import org.trainlab.ui.runs.RunRow;
import org.trainlab.ui.runs.RunTracker;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.runs.Status;
import org.trainlab.ui.runs.Trainer;
import org.trainlab.ui.tasks.BackgroundTasks;

/**
 * The queue that trains the session's runs, one after another or up to a chosen number at once, and the
 * run commands (Start, Pause, Stop, Duplicate, Remove).
 *
 * <p>Threads: training threads only reach this model through the {@link MetricDrain} (their events,
 * tagged with the run) and the {@link LiveSession} (a {@link SessionRecorder} per run, which also asks
 * for an autosave after every epoch). Everything here runs on the FX thread.
 *
 * <p>For a run that has started, Start trains the panel's settings, as changed, as a new run linked to
 * it, so the list and the legend say what differs.
 */
public final class RunQueue implements RunsViewModel.Activity {

    public static final int MAX_CONCURRENCY = 8;

    private final RunsViewModel runs;
    private final LiveSession live;
    private final Trainer trainer;
    private final MetricDrain drain;
    private final Runnable saveRequest;
    private final BackgroundTasks tasks;

    private final Deque<String> waiting = new ArrayDeque<>();
    private final Map<String, Submitted> submitted = new LinkedHashMap<>();
    private final AtomicBoolean sessionPending = new AtomicBoolean();

    private final IntegerProperty concurrency = new SimpleIntegerProperty(this, "concurrency", 1);
    private final ReadOnlyObjectWrapper<Status> queueSummary = new ReadOnlyObjectWrapper<>(this, "queueSummary", Status.of("queue.idle"));
    private final ReadOnlyIntegerWrapper inProgress = new ReadOnlyIntegerWrapper(this, "inProgress");
    private final ReadOnlyIntegerWrapper waitingCount = new ReadOnlyIntegerWrapper(this, "waitingCount");
    private final BooleanBinding canStart;
    private final BooleanBinding canPause;
    private final BooleanBinding canStop;
    private final BooleanBinding canDuplicate;
    private final BooleanBinding canRemove;

    /**
     * @param saveRequest the autosave request the training threads' recorders make after every epoch;
     *                    must return at once
     * @param tasks       the door for steps a frame apart (a preset's click)
     */
    public RunQueue(RunsViewModel runs, Trainer trainer, MetricDrain drain, Runnable saveRequest, BackgroundTasks tasks) {
        this.runs = runs;
        this.live = runs.session();
        this.trainer = trainer;
        this.drain = drain;
        this.saveRequest = saveRequest;
        this.tasks = tasks;
        var activePhase = runs.activePhaseProperty();
        var state = runs.stateProperty();
        canStart = Bindings.createBooleanBinding(() -> runs.settings().validProperty().get()
                && activePhase.get() != RunRow.Phase.WAITING, runs.settings().validProperty(), activePhase);
        canPause = Bindings.createBooleanBinding(() -> state.get() == RunState.RUNNING || state.get() == RunState.PAUSED,
                state);
        canStop = Bindings.createBooleanBinding(() -> activePhase.get() != null
                && (activePhase.get() == RunRow.Phase.WAITING || activePhase.get().inProgress()), activePhase);
        canDuplicate = runs.activeRunIdProperty().isNotNull();
        canRemove = Bindings.createBooleanBinding(() -> activePhase.get() != null && !activePhase.get().inProgress()
                && activePhase.get() != RunRow.Phase.REPLAYING, activePhase);
        runs.addActivity(this);
        runs.addRefreshListener(s -> updateCounts());
        drain.addConsumer(this::onEvents);
        live.addListener(session -> {
            // any thread: the FX thread reads the session at its next drain
            if (sessionPending.compareAndSet(false, true)) {
                drain.offer(new RunEvent.SessionChanged());
            }
        });
        concurrency.addListener((obs, old, n) -> {
            trainer.setConcurrency(n.intValue());
            pump();
            runs.refresh();
        });
    }

    // ---- Commands

    /**
     * Start (F5). A draft that the panel edits is queued; otherwise the panel's settings become a new run,
     * linked to the active run when there is one (so the legend names what changed), and are queued.
     */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        startAsRun(runs.settings().settingsProperty().get());
    }

    /**
     * Queues {@code chosen} as the active draft's settings, or as a new run linked to the active run (a
     * run of its own when none is active). Returns the run's id.
     */
    public String startAsRun(ExperimentSettings chosen) {
        SessionRun active = runs.activeRun().orElse(null);
        if (active != null && runs.phase(active) == RunRow.Phase.DRAFT) {
            String id = active.id();
            ExperimentSettings named = chosen.name().isBlank() ? chosen.withName(active.name()) : chosen;
            runs.change(s -> s.updateRun(id, r -> r.withSettings(named)));
            enqueue(List.of(id));
            return id;
        }
        Session now = live.snapshot();
        String id = SessionRun.newId();
        ExperimentSettings named = chosen.withName(uniqueName(now, chosen.name()));
        if (runs.grouping().seedsProperty().get() > 1) {
            return queueAdded(now, runs.grouping().repeat(now, named, active == null ? null : active.id(), runs.locale()),
                    false).get(0);
        }
        SessionRun run = active == null ? SessionRun.queued(id, now.nextColorIndex(), named)
                : SessionRun.derivedFrom(active, named, id, now.nextColorIndex());
        runs.addAndActivate(run);
        enqueue(List.of(id));
        return id;
    }

    /**
     * Adds what {@code after} has more than {@code before} (runs, groups, a prediction), shows them (only
     * them, for a comparison), makes the first active and queues them seed 1 of every group first: the
     * rows at once, the rest in steps a frame apart. Returns the added runs' ids.
     */
    public List<String> queueAdded(Session before, Session after, boolean showOnlyThem) {
        List<String> ids = Grouping.added(before, after);
        // one step a frame (BackgroundTasks.afterFrame): the rows, the runs on the charts, the first in the
        // panel, the training; a step finds only the runs still in the session (another may be open by then)
        runs.change(Grouping.additions(before, after));
        tasks.afterFrame(() -> runs.change(s -> {
            List<String> here = stillIn(s, ids);
            if (here.isEmpty()) {
                return s;
            }
            List<String> shown = new ArrayList<>(showOnlyThem ? List.of() : s.selected());
            shown.addAll(here);
            return s.withSelected(shown).withActiveRunId(here.get(0));
        }));
        tasks.afterFrame(() -> stillIn(live.snapshot(), ids).stream().findFirst().ifPresent(runs.activeRunIdProperty()::set));
        tasks.afterFrame(() -> enqueue(stillIn(live.snapshot(), Grouping.queueOrder(after, ids))));
        return ids;
    }

    private static List<String> stillIn(Session session, List<String> ids) {
        return ids.stream().filter(id -> session.run(id).isPresent()).toList();
    }

    /** Duplicate (Ctrl+D): a draft copy of the active run, same settings and seed, linked to it for "change one thing". */
    public void duplicate() {
        SessionRun parent = runs.activeRun().orElse(null);
        if (parent == null) {
            return;
        }
        Session now = live.snapshot();
        ExperimentSettings copy = parent.settings().withName(uniqueName(now, parent.name()));
        SessionRun run = SessionRun.derivedFrom(parent, copy, SessionRun.newId(), now.nextColorIndex());
        runs.addAndActivate(run);
        runs.showStatus(Status.of("status.duplicated", parent.name()));
    }

    /** Pauses the active run, or resumes it (F6). */
    public void togglePause() {
        String id = runs.activeRunIdProperty().get();
        Submitted run = id == null ? null : submitted.get(id);
        if (run == null) {
            return;
        }
        RunState state = runs.stateProperty().get();
        if (state == RunState.PAUSED) {
            run.control().resume();
        } else if (state == RunState.RUNNING) {
            run.control().pause();
        }
    }

    /** Stops the active run (F7), or takes it out of the queue if it has not started. */
    public void stop() {
        String id = runs.activeRunIdProperty().get();
        if (id != null) {
            cancel(id);
        }
    }

    /**
     * A row's cancel button: a waiting run leaves the queue (it stays in the list, not started); a run in
     * progress stops after its current batch and keeps its finished epochs.
     */
    public void cancel(String runId) {
        if (waiting.remove(runId)) {
            runs.refresh();
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
        runs.refresh();
    }

    /** Removes the active run from the session; runs in progress must be stopped first. */
    public void removeActive() {
        String id = runs.activeRunIdProperty().get();
        if (id == null || !canRemove.get()) {
            return;
        }
        waiting.remove(id);
        runs.activeRunIdProperty().set(null);
        runs.change(s -> s.withoutRun(id));
        runs.forget(id);
    }

    /** Queues every run that has not started, in the list's order. */
    public void queueDrafts() {
        enqueue(live.snapshot().runs().stream().filter(r -> runs.phase(r) == RunRow.Phase.DRAFT)
                .map(SessionRun::id).toList());
    }

    /** Queues runs of the session in this order, and starts as many as the limit allows. */
    public void enqueue(List<String> ids) {
        for (String id : ids) {
            if (!waiting.contains(id) && !submitted.containsKey(id)) {
                waiting.addLast(id);
            }
        }
        pump();
        runs.refresh();
    }

    /** How many runs may train at once. */
    public void setConcurrency(int n) {
        concurrency.set(Math.max(1, Math.min(MAX_CONCURRENCY, n)));
    }

    /** Whether any run is waiting or training (opening another session would stop them). */
    public boolean busy() {
        return !waiting.isEmpty() || !submitted.isEmpty();
    }

    /** Lets go of every run: the queue empties, runs in progress stop, and their later events are dropped. */
    public void clear() {
        waiting.clear();
        submitted.values().forEach(s -> {
            s.gate().close();
            s.control().stop();
        });
        submitted.clear();
    }

    /** The name, or "Baseline" for none, made unique in the session with " (2)", " (3)", ... */
    public static String uniqueName(Session s, String wanted) {
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

    // ---- What the list asks

    @Override
    public boolean waiting(String runId) {
        return waiting.contains(runId);
    }

    @Override
    public int position(String runId) {
        int i = 1;
        for (String w : waiting) {
            if (w.equals(runId)) {
                return i;
            }
            i++;
        }
        return 0;
    }

    @Override
    public boolean inProgress(String runId) {
        return submitted.containsKey(runId);
    }

    // ---- Training

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
            runs.charts().apply(started);
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
        runs.track(id, tracker);
        try {
            Trainer.Control control = trainer.submit(s, listener);
            submitted.put(id, new Submitted(control, gate));
            if (Objects.equals(runs.activeRunIdProperty().get(), id)) {
                runs.showStatus(Status.of("status.queued"));
            }
        } catch (RuntimeException e) {
            gate.close();
            StateNote why = StateNote.of("run.note.error", e.getMessage());
            tracker.apply(new RunEvent.StateChanged(id, RunState.FAILED, why));
            runs.change(x -> x.updateRun(id, r -> r.withState(RunState.FAILED, why)));
        }
    }

    /** The drain's batch of events, on the FX thread. */
    private void onEvents(List<RunEvent> events) {
        boolean sessionChanged = false;
        List<String> ended = new ArrayList<>();
        List<RunEvent> forCharts = new ArrayList<>(events.size());
        for (RunEvent event : events) {
            if (event instanceof RunEvent.SessionChanged) {
                sessionChanged = true;
                continue;
            }
            RunTracker tracker = submitted.containsKey(event.runId()) ? runs.tracker(event.runId()) : null;
            if (tracker == null) {
                continue; // a run of a session no longer open
            }
            tracker.apply(event);
            forCharts.add(event);
            if (event instanceof RunEvent.StateChanged changed && changed.state().isFinal()) {
                ended.add(event.runId());
            }
        }
        runs.charts().apply(forCharts);
        for (String id : ended) {
            submitted.remove(id);
        }
        if (sessionChanged) {
            sessionPending.set(false);
        }
        if (!ended.isEmpty()) {
            pump();
        }
        runs.refresh();
    }

    private void updateCounts() {
        inProgress.set(submitted.size());
        waitingCount.set(waiting.size());
        boolean idle = submitted.isEmpty() && waiting.isEmpty();
        double left = idle ? Double.NaN : secondsUntilEmpty();
        Status summary = idle ? Status.of("queue.idle")
                : Double.isNaN(left) ? Status.of("queue.busy", submitted.size(), waiting.size())
                : Status.of("timing.queueEnd", submitted.size(), waiting.size(), QueueForecast.clock(left));
        PropertyChanges.changeTo(queueSummary, summary); // at every drain, mostly unchanged: the clock shows seconds
    }

    /** When the last queued run will end, from the runs in progress ({@link QueueForecast}); NaN unknown yet. */
    private double secondsUntilEmpty() {
        List<Double> left = new ArrayList<>();
        QueueForecast.Reference reference = null;
        for (String id : submitted.keySet()) {
            RunTracker t = runs.tracker(id);
            left.add(t == null ? Double.NaN : t.secondsLeft());
            if (t != null && !Double.isNaN(t.epochSeconds())) {
                reference = new QueueForecast.Reference(t.settings(), t.epochSeconds(), t.testImages());
            }
        }
        Session s = live.snapshot();
        List<ExperimentSettings> queued = waiting.stream().map(s::run).flatMap(java.util.Optional::stream)
                .map(SessionRun::settings).toList();
        return QueueForecast.secondsUntilEmpty(left, queued, reference, concurrency.get());
    }

    // ---- Properties

    /** How many runs train at once, 1 to {@link #MAX_CONCURRENCY}. */
    public IntegerProperty concurrencyProperty() { return concurrency; }
    /** "2 training, 3 waiting" ({@code queue.*}). */
    public ReadOnlyObjectProperty<Status> queueSummaryProperty() { return queueSummary.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty inProgressProperty() { return inProgress.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty waitingCountProperty() { return waitingCount.getReadOnlyProperty(); }
    public BooleanBinding canStartProperty() { return canStart; }
    public BooleanBinding canPauseProperty() { return canPause; }
    /** The active run is waiting or in progress. */
    public BooleanBinding canStopProperty() { return canStop; }
    public BooleanBinding canDuplicateProperty() { return canDuplicate; }
    public BooleanBinding canRemoveProperty() { return canRemove; }

    // ---- Plumbing

    private record Submitted(Trainer.Control control, Gate gate) {
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
        public void onStateChanged(RunState state, StateNote note) {
            drain.offer(new RunEvent.StateChanged(runId, state, note));
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
