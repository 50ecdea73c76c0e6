package org.trainlab.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.engine.RunInfo;
import org.trainlab.engine.TrainingListener;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.record.RunState;
import org.trainlab.preset.Preset;
import org.trainlab.session.LiveSession;
import org.trainlab.session.LossCurve;
import org.trainlab.session.Replay;
import org.trainlab.session.Session;
import org.trainlab.session.SessionJson;
import org.trainlab.session.SessionRun;
import org.trainlab.session.SessionStore;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.settings.FakeDatasets;
import org.trainlab.ui.settings.SettingsViewModel;
import org.trainlab.ui.tasks.SameThreadTasks;
import org.trainlab.ui.workspace.Workspace;

/**
 * The runs model against a stand-in trainer whose callbacks the test makes, as training threads would;
 * file work and "later on the FX thread" run at once on the test's thread.
 */
class RunsViewModelTest {

    private final SettingsViewModel settings = FakeDatasets.viewModel(new FakeDatasets());
    private final MetricDrain drain = new MetricDrain();
    private final ChartsModel charts = new ChartsModel();
    private final LiveSession live = new LiveSession(Session.empty());
    private final FakeTrainer trainer = new FakeTrainer();
    private final AtomicInteger saveRequests = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong();
    private final List<Notice> notices = new ArrayList<>();
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final Workspace vm = new Workspace(live, settings, charts, trainer, drain,
            saveRequests::incrementAndGet, new SameThreadTasks(), clock::get, language);

    RunsViewModelTest() {
        vm.runs().setNoticeHandler(notices::add);
    }

    @Test
    void runsTrainOneAfterAnotherUpToTheLimitInTheOrderQueued() {
        vm.presets().queuePreset(TestPresets.numbered(3));
        assertEquals(3, vm.runs().rows().size());
        assertEquals(List.of("Run 1"), trainer.names(), "one at a time by default");
        assertEquals(RunRow.Phase.WAITING, vm.runs().rows().get(2).phaseProperty().get());
        assertEquals("runs.phase.WAITING", vm.runs().rows().get(2).statusProperty().get().key());
        assertEquals(List.of(2), vm.runs().rows().get(2).statusProperty().get().args(), "second in the queue");

        trainer.last().finish(RunState.COMPLETED);
        drain.drain();
        assertEquals(List.of("Run 1", "Run 2"), trainer.names(), "the next starts when one ends");
        assertEquals(RunRow.Phase.COMPLETED, vm.runs().rows().get(0).phaseProperty().get());

        vm.queue().setConcurrency(2);
        assertEquals(2, trainer.concurrency);
        assertEquals(List.of("Run 1", "Run 2", "Run 3"), trainer.names(), "a raised limit starts a waiting run at once");
        assertEquals(2, vm.queue().inProgressProperty().get());
        assertEquals(new Status("queue.busy", List.of(2, 0)), vm.queue().queueSummaryProperty().get());
    }

    @Test
    void aWaitingRunLeavesTheQueueAndARunningOneStops() {
        vm.presets().queuePreset(TestPresets.numbered(3));
        String waiting = vm.runs().rows().get(1).id();
        vm.queue().cancel(waiting);
        assertEquals(RunRow.Phase.DRAFT, vm.runs().rows().get(1).phaseProperty().get(), "back to not started, still listed");
        assertFalse(vm.runs().rows().get(1).cancellableProperty().get());

        vm.queue().cancel(vm.runs().rows().get(0).id());
        assertEquals(List.of("stop"), trainer.last().calls);
        trainer.last().finish(RunState.STOPPED);
        drain.drain();
        assertEquals(List.of("Run 1", "Run 3"), trainer.names(), "the cancelled run is skipped");
        assertEquals(RunRow.Phase.STOPPED, vm.runs().rows().get(0).phaseProperty().get());
    }

    @Test
    void duplicateKeepsTheSeedAndNamesWhatChanged() {
        vm.queue().start();
        assertEquals(1, trainer.runs.size());
        String parent = vm.runs().activeRunIdProperty().get();
        vm.queue().duplicate();
        String copy = vm.runs().activeRunIdProperty().get();
        SessionRun run = live.snapshot().run(copy).orElseThrow();
        assertEquals(parent, run.parentId());
        assertEquals(Defaults.settings().training().seed(), run.settings().training().seed(), "same seed, same weights");
        assertEquals("Baseline (2)", run.name());
        assertEquals(RunRow.Phase.DRAFT, vm.runs().activePhaseProperty().get());

        settings.dropoutProperty().set(true); // the panel edits the copy
        RunRow row = vm.runs().rows().get(1);
        assertEquals("dropout: off → 0.2", row.differenceProperty().get());
        assertEquals("Baseline", row.parentNameProperty().get());
        assertEquals("Baseline (2) — dropout: off → 0.2", charts.overlaysProperty().get().get(1).label(), "the legend says it too");
        assertEquals(0.2, live.snapshot().run(copy).orElseThrow().settings().model().dropoutRate());
        settings.dropoutRate().textProperty().set("0.5");
        assertEquals("dropout: off → 0.5", row.differenceProperty().get(), "the copy's new settings, a new text");
        String english = row.summaryProperty().get();
        language.set(Locale.KOREAN);
        assertTrue(row.differenceProperty().get().startsWith("드롭아웃"), row.differenceProperty().get());
        assertFalse(row.summaryProperty().get().equals(english), "the summary in the window's new language");
        language.set(Locale.ENGLISH);
        settings.dropoutRate().textProperty().set("0.2");

        vm.queue().start();
        assertEquals(RunRow.Phase.WAITING, row.phaseProperty().get(), "F5 queues the copy");
        assertEquals(0.2, trainer.runs.size() == 2 ? trainer.last().settings.model().dropoutRate() : 0.2);
        assertEquals(2, vm.runs().rows().size(), "no extra run");
    }

    @Test
    void startOnAFinishedRunTrainsTheChangedSettingsAsANewLinkedRun() {
        vm.queue().start();
        trainer.last().finish(RunState.COMPLETED);
        drain.drain();
        settings.batchNormProperty().set(true);
        vm.queue().start();
        assertEquals(2, vm.runs().rows().size());
        assertEquals("batch norm: off → on", vm.runs().rows().get(1).differenceProperty().get());
        assertFalse(live.snapshot().runs().get(0).settings().model().batchNorm(), "a finished run's settings stay");
        assertTrue(trainer.last().settings.model().batchNorm());
    }

    @Test
    void startingAPresetRunAgainUnchangedNamesNoDifference(@TempDir Path noUserPresets) {
        // the panel shows a run's settings exactly, so F5 without a change makes a run with none
        for (Preset preset : org.trainlab.preset.PresetLoader.load(noUserPresets).presets()) {
            for (ExperimentSettings s : preset.expand(Locale.ENGLISH)) {
                settings.load(s);
                assertEquals(s, settings.settingsProperty().get(), preset.id() + ": " + s.name());
            }
        }
    }

    @Test
    void eventsReachTheRowsTheChartsAndTheSession() {
        vm.queue().start();
        FakeTrainer.Submission s = trainer.last();
        String id = vm.runs().activeRunIdProperty().get();
        s.listener.onStateChanged(RunState.PREPARING, null);
        s.listener.onPrepared(new RunInfo(200, 2000, 4, 0.13, 0.31, 1000, "", null));
        s.listener.onStateChanged(RunState.RUNNING, null);
        s.listener.onBatch(new BatchMetrics(1, 2, 4, 2, 2.0, 1e-3));
        assertEquals(RunState.QUEUED, vm.runs().stateProperty().get(), "nothing changes before the drain");
        drain.drain();
        assertEquals(RunState.RUNNING, vm.runs().stateProperty().get());
        assertEquals(0.1, vm.runs().rows().get(0).progressProperty().get(), 1e-9, "batch 2 of 5 epochs x 4 batches");
        s.listener.onEpoch(new EpochMetrics(1, 4, 1.5, 0.6, 1.4, 0.55, 1e-3, 1e-3, 10, 500, 2));
        drain.drain();
        assertEquals(0.55, vm.runs().rows().get(0).bestAccuracyProperty().get());
        assertEquals(1, live.snapshot().run(id).orElseThrow().epochs().size(), "the recorder keeps every epoch");
        assertTrue(saveRequests.get() > 0, "and asks for an autosave");
        assertEquals(1, charts.accuracy().getSeries(1).getItemCount());
        assertEquals("status.epoch", vm.runs().statusProperty().get().key());
    }

    @Test
    void aRefreshWithNothingNewLeavesTheRowsAndTheRunBarAlone() {
        vm.presets().queuePreset(TestPresets.numbered(3)); // the first trains, two wait
        FakeTrainer.Submission s = trainer.last();
        s.listener.onStateChanged(RunState.RUNNING, null);
        drain.drain();
        // what the cells and the run bar are bound to; each refresh made new equal objects, and NaN again
        List<ObservableValue<?>> watched = new ArrayList<>();
        for (RunRow row : vm.runs().rows()) {
            watched.addAll(List.of(row.statusProperty(), row.noteProperty(), row.progressProperty(),
                    row.bestAccuracyProperty(), row.finalGapProperty()));
        }
        watched.addAll(List.of(vm.runs().editingProperty(), vm.runs().imagesPerSecondProperty(),
                vm.runs().secondsLeftProperty(), vm.queue().queueSummaryProperty()));
        List<String> fired = new ArrayList<>();
        watched.forEach(p -> p.addListener(o -> fired.add(((ReadOnlyProperty<?>) p).getName())));
        for (int i = 0; i < 3; i++) {
            watched.forEach(ObservableValue::getValue); // read, as a cell does: the next change is heard
            vm.runs().refresh();
        }
        assertEquals(List.of(), fired, "nothing changed");

        s.listener.onEpoch(new EpochMetrics(1, 4, 1.5, 0.6, 1.4, 0.55, 1e-3, 1e-3, 10, 500, 2));
        drain.drain();
        assertEquals(List.of("bestAccuracy", "finalGap"), fired, "the epoch's figures still arrive, and only they");
    }

    @Test
    void aRefreshWithNothingNewChangesNothingAnyViewListensTo() throws ReflectiveOperationException {
        vm.runs().grouping().seedsProperty().set(2);
        vm.queue().setConcurrency(2);
        vm.presets().queuePreset(TestPresets.numbered(3)); // three groups of two seeds: two train, four wait
        for (FakeTrainer.Submission s : trainer.runs) {
            s.listener.onStateChanged(RunState.RUNNING, null);
            s.listener.onPrepared(new RunInfo(200, 2000, 4, 0.13, 0.31, 1000, "", null));
            s.listener.onBatch(new BatchMetrics(1, 4, 4, 4, 2.0, 1e-3));
            s.listener.onEpoch(new EpochMetrics(1, 4, 1.5, 0.6, 1.4, 0.55, 1e-3, 1e-3, 10, 500, 2));
        }
        drain.drain();
        List<Object> models = new ArrayList<>(List.of(vm.runs(), vm.queue(), charts));
        models.addAll(vm.runs().rows());
        models.addAll(vm.runs().grouping().rows());
        List<Observable> watched = new ArrayList<>();
        List<String> fired = new ArrayList<>();
        for (Object model : models) {
            for (Method m : model.getClass().getMethods()) {
                if (m.getParameterCount() == 0 && Observable.class.isAssignableFrom(m.getReturnType())) {
                    Observable o = (Observable) m.invoke(model);
                    String name = model.getClass().getSimpleName() + "." + m.getName();
                    o.addListener(x -> fired.add(name));
                    watched.add(o);
                }
            }
        }
        assertTrue(watched.size() > 60, "the rows', groups', queue's and charts' properties: " + watched.size());
        for (int i = 0; i < 3; i++) {
            watched.forEach(o -> { // read, as a view does: the next change is heard
                if (o instanceof ObservableValue<?> v) {
                    v.getValue();
                }
            });
            vm.runs().refresh();
        }
        assertEquals(List.of(), fired, "nothing changed");
    }

    @Test
    void aPresetQueuesAllItsRunsAndShowsOnlyThem() {
        vm.queue().start();
        vm.presets().queuePreset(TestPresets.numbered(4));
        assertEquals(5, vm.runs().rows().size());
        assertEquals(4, charts.overlaysProperty().get().size(), "only the preset's runs on the charts");
        assertFalse(vm.runs().rows().get(0).overlaidProperty().get());
        assertEquals(vm.runs().rows().get(1).id(), vm.runs().activeRunIdProperty().get());
        assertEquals(4, vm.queue().waitingCountProperty().get(), "all wait behind the run already training");
        assertEquals("status.presetQueued", vm.runs().statusProperty().get().key());
        assertEquals("Run 2 — learning rate: 0.001 → 0.002", charts.overlaysProperty().get().get(1).label());

        vm.runs().rows().get(0).overlaidProperty().set(true);
        assertEquals(5, live.snapshot().selected().size(), "ticking a run shows it");
        assertEquals(vm.runs().rows().get(0).id(), charts.overlaysProperty().get().get(0).runId(), "in the list's order");
    }

    @Test
    void aDamagedFileLeavesTheOpenSessionAsItWas(@TempDir Path folder) throws IOException {
        vm.presets().queuePreset(TestPresets.numbered(2));
        Session before = live.snapshot();
        Path damaged = folder.resolve("damaged.json");
        Files.writeString(damaged, "{\"formatVersion\": \"trainlab-session/1\", \"runs\": [");

        vm.files().openSession(damaged);

        assertSame(before, live.snapshot());
        assertEquals(2, vm.runs().rows().size());
        assertEquals(1, trainer.runs.size(), "training goes on");
        assertEquals(1, notices.size());
        assertEquals("notice.open.failed", notices.get(0).textKey());
        assertTrue(notices.get(0).args().get(1).toString().contains("damaged"), notices.get(0).args().toString());

        Path foreign = folder.resolve("settings.json");
        Files.writeString(foreign, org.trainlab.experiment.json.SettingsJson.write(Defaults.settings()));
        vm.files().openSession(foreign);
        assertSame(before, live.snapshot());
        assertTrue(notices.get(1).args().get(1).toString().contains("settings"), notices.get(1).args().toString());
    }

    @Test
    void aSavedSessionOpensWithEveryCurve(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("lecture.json");
        SessionJson.write(file, finishedSession());
        vm.files().openSession(file);
        assertEquals(2, vm.runs().rows().size());
        assertEquals(file, vm.files().sessionFileProperty().get());
        assertFalse(vm.files().dirtyProperty().get());
        assertEquals(3, charts.accuracy().getSeries(1).getItemCount());
        assertEquals(RunRow.Phase.STOPPED, vm.runs().rows().get(1).phaseProperty().get(), "it was training when saved");

        vm.runs().rows().get(1).overlaidProperty().set(false);
        assertTrue(vm.files().dirtyProperty().get());
        vm.files().saveSession(folder.resolve("again.json"));
        assertFalse(vm.files().dirtyProperty().get());
        assertEquals(1, SessionJson.read(folder.resolve("again.json")).selected().size());
    }

    @Test
    void restoringAnAutosaveShowsEveryFinishedEpoch(@TempDir Path folder) throws IOException {
        SessionStore store = new SessionStore(folder.resolve("autosave/session.json"));
        store.save(finishedSession()); // as a training thread left it before kill -9
        Session found = store.findRecoverable().orElseThrow();
        vm.files().restore(found);
        RunRow interrupted = vm.runs().rows().get(1);
        assertEquals(RunRow.Phase.STOPPED, interrupted.phaseProperty().get());
        assertTrue(interrupted.noteProperty().get().english().contains("restored 2 finished epochs"));
        assertEquals(2, charts.accuracy().getSeries(3).getItemCount());
        assertTrue(vm.files().dirtyProperty().get(), "not in a file yet");
    }

    @Test
    void runsACrashCaughtBeforeTheirFirstEpochComeBackReadyToQueue(@TempDir Path folder) throws IOException {
        SessionStore store = new SessionStore(folder.resolve("autosave/session.json"));
        Session crashed = finishedSession().withRun(SessionRun.queued("c", 2, Defaults.settings().withName("Next")));
        store.save(crashed);
        vm.files().restore(store.findRecoverable().orElseThrow());
        assertEquals(RunRow.Phase.DRAFT, vm.runs().rows().get(2).phaseProperty().get());
        vm.queue().queueDrafts();
        assertEquals(List.of("Next"), trainer.names());
    }

    @Test
    void aReplayBringsEachEpochInAtItsTime() {
        vm.files().restore(finishedSession());
        vm.replay().replaySpeedProperty().set(Replay.Speed.epochsPerSecond(2));
        assertTrue(vm.replay().replayableProperty().get());
        vm.replay().replay();
        assertTrue(vm.replay().replayingProperty().get());
        assertEquals(RunRow.Phase.REPLAYING, vm.runs().rows().get(0).phaseProperty().get());
        assertEquals(0, charts.accuracy().getSeries(1).getItemCount(), "the curves start empty");

        clock.set(600_000_000L); // 0.6 s: the first epoch of each (0.5 s each at 2 epochs a second)
        vm.replay().replayTick();
        assertEquals(1, charts.accuracy().getSeries(1).getItemCount());
        assertEquals(1, charts.accuracy().getSeries(3).getItemCount());

        clock.set(10_000_000_000L);
        vm.replay().replayTick();
        assertEquals(3, charts.accuracy().getSeries(1).getItemCount());
        assertEquals(2, charts.accuracy().getSeries(3).getItemCount());
        assertFalse(vm.replay().replayingProperty().get(), "over once everything is shown");
        assertEquals(RunRow.Phase.COMPLETED, vm.runs().rows().get(0).phaseProperty().get());

        vm.replay().replay();
        vm.replay().stopReplay();
        assertEquals(3, charts.accuracy().getSeries(1).getItemCount(), "stopping shows every epoch at once");
    }

    @Test
    void removingARunTakesItOffTheListAndTheCharts() {
        vm.files().restore(finishedSession());
        vm.runs().activeRunIdProperty().set(vm.runs().rows().get(0).id());
        vm.queue().removeActive();
        assertEquals(1, vm.runs().rows().size());
        assertEquals(1, charts.overlaysProperty().get().size());
        assertNull(vm.runs().activeRunIdProperty().get());
    }

    /** A finished run of 3 epochs and a dropout copy that was training (2 epochs) when saved. */
    private static Session finishedSession() {
        ExperimentSettings base = Defaults.settings().withName("Baseline");
        LossCurve.Builder losses = new LossCurve.Builder();
        for (int i = 1; i <= 12; i++) {
            losses.add(i, 2.0 / i);
        }
        SessionRun a = SessionRun.queued("a", 0, base).withEpoch(epoch(1)).withEpoch(epoch(2)).withEpoch(epoch(3))
                .withLosses(losses.build()).withState(RunState.COMPLETED, null);
        SessionRun b = SessionRun.derivedFrom(a, base.withName("Dropout")
                        .withModel(new ModelSettings(base.model().kind(), false, 0.2)), "b", 1)
                .withEpoch(epoch(1)).withEpoch(epoch(2)).withState(RunState.RUNNING, null);
        return Session.empty().withRun(a).withRun(b).withSelected(List.of("a", "b")).withActiveRunId("a");
    }

    private static EpochMetrics epoch(int n) {
        return new EpochMetrics(n, 4L * n, 1.0 / n, 0.6 + n / 10.0, 1.1 / n, 0.55 + n / 20.0, 1e-3, 1e-3, 10, 100, 2.0 * n);
    }
}
