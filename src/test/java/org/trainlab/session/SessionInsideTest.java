package org.trainlab.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.experiment.inside.ClassProbability;
import org.trainlab.experiment.inside.ConfusionMatrix;
import org.trainlab.experiment.inside.FilterBank;
import org.trainlab.experiment.inside.Histogram;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.LayerProbe;
import org.trainlab.experiment.inside.Mistake;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inside figures and trained weights are kept with their run: saved, restored and opened without retraining. */
class SessionInsideTest {

    @TempDir
    Path dir;

    static InsideEpoch inside(int epoch) {
        int[][] counts = new int[10][10];
        for (int i = 0; i < 10; i++) {
            counts[i][i] = 18 + epoch;
        }
        counts[4][9] = 3;
        List<Mistake> mistakes = List.of(new Mistake(17, 4, 9, 0.91,
                List.of(new ClassProbability(9, 0.91), new ClassProbability(4, 0.08), new ClassProbability(7, 0.01))));
        Histogram h = new Histogram(new double[] {-0.5, 0, 0.5}, new long[] {70, 74}, 0);
        List<LayerProbe> layers = List.of(new LayerProbe("conv1", 144, h, 0.3, 0.5, 0.45, 0.02, -2.9),
                new LayerProbe("fc3", 640, new Histogram(new double[] {-1, 1}, new long[] {640}, 0), -0.1, 2.5, 0,
                        0.4, Double.NEGATIVE_INFINITY));
        float[] filters = new float[16 * 9];
        filters[5] = -0.25f * epoch;
        filters[6] = epoch == 2 ? Float.NaN : 0; // a diverged run's weights

        return new InsideEpoch(epoch, new ConfusionMatrix(counts), mistakes, 64, layers, new FilterBank(16, 3, 3, filters));
    }

    static TrainedWeights weights(ModelSettings model, int epoch) {
        float[] p = new float[1000];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) Math.sin(i + epoch);
        }
        return new TrainedWeights(model, epoch, 0.1307, 0.3081, p, new double[] {0.5, 1.25});
    }

    /** A finished run recorded the way the engine reports it: inside, weights, epoch; twice. */
    private Session recorded() {
        LiveSession live = new LiveSession(Session.empty().withRun(SessionRun.queued("run-a", 0, Defaults.settings())));
        SessionRecorder recorder = new SessionRecorder(live, "run-a", null);
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        live.addListener(s -> changes.incrementAndGet());
        for (int e = 1; e <= 2; e++) {
            recorder.onInside(inside(e));
            recorder.onWeights(weights(Defaults.model(), e));
            recorder.onEpoch(SessionSamples.epoch(e, 10L * e, 1.5 * e));
            assertEquals(e, changes.get(), "figures, weights and metrics of an epoch are one change of the session");
        }
        recorder.onStateChanged(RunState.COMPLETED, null);
        return live.snapshot();
    }

    @Test
    void aRestoredAutosaveCarriesEveryEpochsInsideFiguresAndTheLatestWeights() throws Exception {
        Session session = recorded();
        SessionRun run = session.run("run-a").orElseThrow();
        assertEquals(List.of(inside(1), inside(2)), run.inside());
        assertEquals(weights(Defaults.model(), 2), run.weights().orElseThrow());

        SessionStore store = new SessionStore(dir.resolve("autosave").resolve("session.json"));
        store.save(session);
        assertTrue(Files.isRegularFile(dir.resolve("autosave/session-weights/run-a.weights")));
        String json = Files.readString(store.file());
        assertTrue(json.contains("\"inside\""), json);
        assertFalse(json.contains("trainedWeights") || json.contains("\"parameters\""), "weights are not in the JSON");

        SessionRun restored = store.findRecoverable().orElseThrow().run("run-a").orElseThrow();
        assertEquals(run.inside(), restored.inside());
        assertEquals(inside(2).confusion().count(4, 9), restored.inside(2).orElseThrow().confusion().count(4, 9));
        assertEquals(Double.NEGATIVE_INFINITY, restored.inside(2).orElseThrow().layer("fc3").log10UpdateRatio());
        assertEquals(run.weights(), restored.weights());
    }

    @Test
    void aSavedSessionKeepsWeightsNextToItAndDropsThoseOfRemovedRuns() throws Exception {
        Session session = recorded();
        Path file = dir.resolve("lesson.json");
        SessionJson.write(file, session);
        Path weightsFile = dir.resolve("lesson-weights/run-a.weights");
        assertTrue(Files.isRegularFile(weightsFile));
        assertEquals(session, SessionJson.read(file), "inside figures and weights come back as they were");

        SessionJson.write(file, session.withoutRun("run-a"));
        assertFalse(Files.exists(weightsFile), "a removed run's weights go with it");
    }

    @Test
    void missingOrDamagedWeightsLeaveTheRunWithoutThemButTheSessionOpens() throws Exception {
        Session session = recorded();
        Path file = dir.resolve("lesson.json");
        SessionJson.write(file, session);
        Path weightsFile = dir.resolve("lesson-weights/run-a.weights");
        Files.write(weightsFile, new byte[] {1, 2, 3});
        SessionRun opened = SessionJson.read(file).run("run-a").orElseThrow();
        assertTrue(opened.weights().isEmpty());
        assertEquals(2, opened.inside().size());
        SessionJson.write(file, session);
        assertEquals(session, SessionJson.read(file), "the next save writes the damaged file anew");

        ModelSettings other = new ModelSettings(ModelKind.MLP, false, 0);
        org.trainlab.experiment.io.WeightsFile.write(weightsFile, weights(other, 2));
        assertTrue(SessionJson.read(file).run("run-a").orElseThrow().weights().isEmpty(),
                "weights of another architecture are not given to the run");
    }

    @Test
    void sessionsFromBeforeTheInsideFiguresOpenWithNone() {
        String json = SessionJson.write(SessionSamples.threeRuns()).replaceAll(",\\s*\"inside\"\\s*:\\s*\\[\\s*\\]", "");
        assertFalse(json.contains("inside"));
        Session old = SessionJson.read(json);
        assertTrue(old.runs().stream().allMatch(r -> r.inside().isEmpty() && r.weights().isEmpty()));
    }

    @Test
    void trainingAgainForgetsTheFiguresAndTheWeights() {
        SessionRun reset = recorded().run("run-a").orElseThrow().reset();
        assertTrue(reset.inside().isEmpty());
        assertTrue(reset.weights().isEmpty());
    }
}
