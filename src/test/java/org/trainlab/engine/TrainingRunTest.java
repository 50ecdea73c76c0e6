package org.trainlab.engine;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.InitSettings;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.OptimizerSettings;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;
import org.trainlab.experiment.settings.TrainingSettings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training loop on real bundled digits: accuracy, reproducibility, divergence, pause and stop. */
class TrainingRunTest {

    /** Collects everything a run reports. */
    static class Recorder implements TrainingListener {
        final List<BatchMetrics> batches = new CopyOnWriteArrayList<>();
        final List<EpochMetrics> epochs = new CopyOnWriteArrayList<>();
        final List<String> states = new CopyOnWriteArrayList<>();
        volatile RunInfo info;
        volatile String lastMessage;

        @Override
        public void onStateChanged(RunState state, StateNote note) {
            states.add(state.name());
            if (note != null) {
                lastMessage = note.english();
            }
        }

        @Override
        public void onPrepared(RunInfo info) {
            this.info = info;
        }

        @Override
        public void onBatch(BatchMetrics metrics) {
            batches.add(metrics);
        }

        @Override
        public void onEpoch(EpochMetrics metrics) {
            epochs.add(metrics);
        }
    }

    static ExperimentSettings small(int trainSize, int epochs) {
        ExperimentSettings d = Defaults.settings();
        return d.withData(new DataSettings(DatasetSource.BUNDLED_DIGITS, null, trainSize))
                .withTraining(new TrainingSettings(epochs, 64, 7));
    }

    private static Recorder run(ExperimentSettings settings) {
        Recorder r = new Recorder();
        RunState end = new TrainingRun(settings, TrainingRun.DataSource.DEFAULT, r).run();
        assertEquals(end.name(), r.states.get(r.states.size() - 1));
        return r;
    }

    @Test
    void tutorialCnnLearnsRealDigitsToNinetyPercentOnAMinutesBudget() {
        // The budget is the work (3,000 digits, 2 epochs: seconds on two idle cores), not a timer:
        // speed is measured by the bench command, never asserted here.
        ExperimentSettings s = small(3000, 2).withModel(new ModelSettings(ModelKind.CNN, true, 0.2));
        Recorder r = run(s);
        assertEquals(List.of("PREPARING", "RUNNING", "COMPLETED"), r.states);
        assertEquals(2, r.epochs.size());
        EpochMetrics last = r.epochs.get(1);
        assertTrue(last.testAccuracy() >= 0.90, "held-out accuracy " + last.testAccuracy());
        assertTrue(last.trainLoss() < r.epochs.get(0).trainLoss(), "training loss falls");
        assertEquals(3000, r.info.trainImages());
        assertEquals(2000, r.info.testImages());
        assertEquals(47, r.info.batchesPerEpoch());
        assertEquals(2 * 47, r.batches.size());
        assertEquals(94, last.iteration());
        assertTrue(last.imagesPerSecond() > 0 && last.weightNorm() > 0 && last.elapsedSeconds() > 0);
    }

    @Test
    void sameSettingsAndSeedGiveTheSameMetrics() {
        ExperimentSettings s = small(400, 2).withModel(new ModelSettings(ModelKind.CNN, true, 0.3));
        Recorder a = run(s), b = run(s);
        assertEquals(a.batches.stream().map(BatchMetrics::loss).toList(), b.batches.stream().map(BatchMetrics::loss).toList());
        assertEquals(a.epochs.stream().map(EpochMetrics::testLoss).toList(), b.epochs.stream().map(EpochMetrics::testLoss).toList());
        Recorder c = run(s.withTraining(new TrainingSettings(2, 64, 8)));
        assertTrue(!a.batches.get(0).equals(c.batches.get(0)) || !a.batches.get(5).equals(c.batches.get(5)),
                "another seed gives other numbers");
    }

    @Test
    void hugeLearningRateEndsAsDivergedAtTheIterationWhereItHappened() {
        ExperimentSettings s = small(600, 3)
                .withModel(new ModelSettings(ModelKind.MLP, false, 0))
                .withInit(new InitSettings(InitKind.NORMAL, 5.0))
                .withOptimizer(new OptimizerSettings(OptimizerKind.SGD, 10.0, 0, 0.9, 0.999, 1e-8, 0.99));
        Recorder r = run(s);
        assertEquals("DIVERGED", r.states.get(r.states.size() - 1));
        BatchMetrics lastBatch = r.batches.get(r.batches.size() - 1);
        assertTrue(!Double.isFinite(lastBatch.loss()));
        assertTrue(r.lastMessage.contains("iteration " + lastBatch.iteration()), r.lastMessage);
    }

    @Test
    void stopTakesEffectWithinOneBatchAndPauseHoldsTheRun() throws Exception {
        CountDownLatch thirdBatch = new CountDownLatch(3);
        Recorder r = new Recorder() {
            @Override
            public void onBatch(BatchMetrics metrics) {
                super.onBatch(metrics);
                thirdBatch.countDown();
            }
        };
        try (TrainingService service = new TrainingService(1)) {
            TrainingService.RunHandle handle = service.submit(small(3000, 5), r);
            assertTrue(thirdBatch.await(60, TimeUnit.SECONDS));
            handle.pause();
            waitFor(() -> handle.state() == RunState.PAUSED);
            int whilePaused = r.batches.size();
            Thread.sleep(300);
            assertEquals(whilePaused, r.batches.size(), "no batch runs while paused");
            handle.resume();
            waitFor(() -> r.batches.size() > whilePaused);
            handle.stop();
            int atStop = r.batches.size();
            assertEquals(RunState.STOPPED, handle.done().get(30, TimeUnit.SECONDS));
            assertTrue(r.batches.size() <= atStop + 1, "at most the batch in flight finishes after stop");
            assertTrue(r.states.containsAll(List.of("PAUSED", "RUNNING", "STOPPED")));
        }
    }

    @Test
    void aFailingListenerDoesNotEndTheRun() {
        Recorder r = new Recorder() {
            @Override
            public void onEpoch(EpochMetrics metrics) {
                super.onEpoch(metrics);
                throw new IllegalStateException("listener bug");
            }
        };
        RunState end = new TrainingRun(small(200, 2), TrainingRun.DataSource.DEFAULT, r).run();
        assertEquals(RunState.COMPLETED, end);
        assertEquals(2, r.epochs.size());
    }

    @Test
    void badDataFailsWithTheReasonInsteadOfThrowing() {
        Recorder r = new Recorder();
        TrainingRun.DataSource broken = (settings, listener, cancel) -> {
            throw new java.io.IOException("train-images-idx3-ubyte.gz: wrong magic number 1234, expected 2051");
        };
        RunState end = new TrainingRun(small(200, 1), broken, r).run();
        assertEquals(RunState.FAILED, end);
        assertTrue(r.lastMessage.contains("wrong magic number"), r.lastMessage);
    }

    @Test
    void heldOutSplitIsNeverAugmented() {
        // With a learning rate too small to move the weights, the held-out loss depends only on what
        // the held-out images look like: it must not change when augmentation is switched on.
        ExperimentSettings plain = small(200, 1)
                .withModel(new ModelSettings(ModelKind.CNN, false, 0))
                .withOptimizer(new OptimizerSettings(OptimizerKind.SGD, 1e-9, 0, 0.9, 0.999, 1e-8, 0.99));
        ExperimentSettings augmented = plain.withAugmentation(new org.trainlab.experiment.settings.AugmentationSettings(
                true, true, true, 30, 3, 0.2, 0.2, 1.0));
        Recorder a = run(plain), b = run(augmented);
        assertTrue(a.batches.get(0).loss() != b.batches.get(0).loss(), "training batches do see augmentation");
        assertEquals(a.epochs.get(0).testLoss(), b.epochs.get(0).testLoss(), 1e-6);
        assertEquals(a.epochs.get(0).testAccuracy(), b.epochs.get(0).testAccuracy());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 30 s");
            }
            Thread.sleep(10);
        }
    }
}
