package org.trainlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.trainlab.engine.RunInfo;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;

/** The recorder driven by the same events, in the same order, as a training run sends them. */
class SessionRecorderTest {

    @Test
    void aRunsEventsBecomeItsSessionRun() {
        LiveSession live = new LiveSession(Session.empty().withRun(SessionRun.queued("r", 0, Defaults.settings())));
        AtomicInteger saves = new AtomicInteger();
        SessionRecorder recorder = new SessionRecorder(live, "r", saves::incrementAndGet);

        recorder.onStateChanged(RunState.PREPARING, null);
        recorder.onPrepared(new RunInfo(300, 2000, 10, 0.13, 0.31, 1000, "layers", SessionSamples.provenance()));
        recorder.onStateChanged(RunState.RUNNING, null);
        int savesBeforeEpochs = saves.get();
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (int b = 1; b <= 10; b++) {
                long iteration = (epoch - 1) * 10L + b;
                recorder.onBatch(new BatchMetrics(epoch, b, 10, iteration, 2.0 / iteration, 1e-3));
            }
            recorder.onEpoch(SessionSamples.epoch(epoch, epoch * 10L, epoch));
            SessionRun run = live.snapshot().run("r").orElseThrow();
            assertEquals(epoch, run.epochs().size());
            assertEquals(epoch * 10L, run.losses().points().get(run.losses().points().size() - 1).iteration(),
                    "published with the epoch");
            assertEquals(savesBeforeEpochs + epoch, saves.get(), "a save asked for after every epoch");
        }
        for (int b = 1; b <= 4; b++) {
            recorder.onBatch(new BatchMetrics(3, b, 10, 20L + b, 0.1, 1e-3));
        }
        assertEquals(20, live.snapshot().run("r").orElseThrow().losses().points().size(), "batches wait for the epoch");
        recorder.onStateChanged(RunState.STOPPED, StateNote.of("run.note.stoppedByUser", 3, 5));

        SessionRun run = live.snapshot().run("r").orElseThrow();
        assertEquals(RunState.STOPPED, run.state());
        assertEquals(StateNote.of("run.note.stoppedByUser", 3, 5), run.message());
        assertEquals("stopped by the user in epoch 3, batch 5", run.message().english());
        assertEquals(24, run.losses().points().size(), "the partial epoch's losses are kept once the run ends");
        assertEquals(0.13, run.normalizationMean());
        assertEquals(0.31, run.normalizationStd());
        assertEquals(SessionSamples.provenance(), run.provenance());
        assertEquals(2.0, run.losses().points().get(0).loss(), 1e-6);
    }

    @Test
    void aRemovedRunIsLeftAlone() {
        LiveSession live = new LiveSession(Session.empty().withRun(SessionRun.queued("r", 0, Defaults.settings())));
        SessionRecorder recorder = new SessionRecorder(live, "r", null);
        live.update(s -> s.withoutRun("r"));
        recorder.onEpoch(SessionSamples.epoch(1, 10, 1));
        recorder.onStateChanged(RunState.COMPLETED, null);
        assertEquals(List.of(), live.snapshot().runs());
    }

    @Test
    void runsOnSeveralThreadsLoseNoUpdate() throws InterruptedException {
        int runs = 4;
        int epochs = 200;
        Session start = Session.empty();
        for (int r = 0; r < runs; r++) {
            start = start.withRun(SessionRun.queued("r" + r, r, Defaults.settings()));
        }
        LiveSession live = new LiveSession(start);
        List<Session> seen = new ArrayList<>();
        live.addListener(s -> {
            synchronized (seen) {
                seen.add(s);
            }
        });
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            SessionRecorder recorder = new SessionRecorder(live, "r" + r, null);
            Thread t = new Thread(() -> {
                for (int e = 1; e <= epochs; e++) {
                    recorder.onBatch(new BatchMetrics(e, 1, 1, e, 1.0, 1e-3));
                    recorder.onEpoch(SessionSamples.epoch(e, e, e));
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        for (SessionRun run : live.snapshot().runs()) {
            assertEquals(epochs, run.epochs().size(), run.id());
        }
        assertEquals(runs * epochs, seen.size(), "one notification per change");
    }

    @Test
    void changeOneThingKeepsTheSeedAndLinksTheParent() {
        Session session = SessionSamples.threeRuns();
        SessionRun parent = session.run("run-a").orElseThrow();
        SessionRun child = SessionRun.derivedFrom(parent, parent.settings().withName("Copy"), "run-x",
                session.nextColorIndex());
        assertEquals("run-a", child.parentId());
        assertEquals(parent.settings().training().seed(), child.settings().training().seed());
        assertEquals(RunState.QUEUED, child.state());
        assertTrue(child.epochs().isEmpty());
        assertEquals(3, child.colorIndex(), "the first colour no run uses");
        assertNull(SessionRun.queued("q", 0, Defaults.settings()).parentId());
    }

    @Test
    void aComparisonLinksEveryRunToTheFirst() {
        Session session = SessionSamples.threeRuns();
        List<org.trainlab.experiment.settings.ExperimentSettings> settings = List.of(
                Defaults.settings().withName("Reference"), Defaults.settings().withName("Changed"),
                Defaults.settings().withName("Changed again"));
        Session next = session.withComparison(settings);
        List<SessionRun> added = next.runs().subList(3, 6);
        assertEquals(List.of("Reference", "Changed", "Changed again"), added.stream().map(SessionRun::name).toList());
        assertNull(added.get(0).parentId());
        assertEquals(added.get(0).id(), added.get(1).parentId());
        assertEquals(added.get(0).id(), added.get(2).parentId());
        assertEquals(List.of(3, 4, 5), added.stream().map(SessionRun::colorIndex).toList());
        assertTrue(next.selected().containsAll(added.stream().map(SessionRun::id).toList()));
        assertTrue(added.stream().allMatch(r -> r.state() == RunState.QUEUED));
    }

    @Test
    void bestEpochAndFinalGap() {
        SessionRun run = SessionSamples.threeRuns().run("run-a").orElseThrow();
        assertEquals(2, run.bestEpoch().orElseThrow().epoch());
        assertEquals(0.05, run.finalGap(), 1e-12);
        assertTrue(Double.isNaN(SessionRun.queued("q", 0, Defaults.settings()).finalGap()));
    }
}
