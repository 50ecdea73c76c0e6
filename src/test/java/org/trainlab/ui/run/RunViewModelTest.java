package org.trainlab.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainlab.engine.RunInfo;
import org.trainlab.engine.TrainingListener;
import org.trainlab.experiment.BatchMetrics;
import org.trainlab.experiment.EpochMetrics;
import org.trainlab.experiment.ExperimentSettings;
import org.trainlab.experiment.RunState;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.settings.FakeDatasets;
import org.trainlab.ui.settings.SettingsViewModel;

/** The run's model against a stand-in trainer whose callbacks the test makes, as a training thread would. */
class RunViewModelTest {

    private final SettingsViewModel settings = FakeDatasets.viewModel(new FakeDatasets());
    private final MetricDrain drain = new MetricDrain();
    private final ChartsModel charts = new ChartsModel();
    private final List<String> calls = new ArrayList<>();
    private TrainingListener listener;
    private ExperimentSettings submitted;
    private final RunViewModel vm;

    RunViewModelTest() {
        drain.addConsumer(charts::apply);
        vm = new RunViewModel(settings, (s, l) -> {
            submitted = s;
            listener = l;
            return new Trainer.Control() {
                @Override
                public void pause() {
                    calls.add("pause");
                }

                @Override
                public void resume() {
                    calls.add("resume");
                }

                @Override
                public void stop() {
                    calls.add("stop");
                }
            };
        }, drain);
    }

    @Test
    void startIsOffWhileASettingIsWrong() {
        assertTrue(vm.canStartProperty().get());
        settings.epochs().textProperty().set("zero");
        assertFalse(vm.canStartProperty().get());
        vm.start();
        assertEquals(null, submitted);
    }

    @Test
    void progressThroughputAndStatusFollowTheRun() {
        settings.epochs().textProperty().set("2");
        vm.start();
        assertEquals(RunState.QUEUED, vm.stateProperty().get());
        assertFalse(vm.canStartProperty().get(), "one run at a time");
        assertEquals(2, submitted.training().epochs());

        listener.onStateChanged(RunState.PREPARING, null);
        listener.onPrepared(new RunInfo(8000, 2000, 125, 0.13, 0.31, 1000, "", null));
        listener.onStateChanged(RunState.RUNNING, null);
        listener.onBatch(new BatchMetrics(1, 1, 125, 1, 2.3, 1e-3));
        assertEquals(RunState.QUEUED, vm.stateProperty().get(), "nothing changes before the drain");
        drain.drain();
        assertEquals(RunState.RUNNING, vm.stateProperty().get());
        assertEquals(1, vm.epochProperty().get());
        assertEquals(125, vm.batchesProperty().get());
        assertEquals(1 / 250.0, vm.progressProperty().get(), 1e-9);
        assertEquals(1, charts.batchLoss().getSeries(0).getItemCount(), "the same drain feeds the charts");

        listener.onEpoch(new EpochMetrics(1, 125, 0.5, 0.9, 0.4, 0.92, 1e-3, 1e-3, 10, 1000, 8));
        drain.drain();
        assertEquals("status.epoch", vm.statusProperty().get().key());

        vm.togglePause();
        listener.onStateChanged(RunState.PAUSED, null);
        drain.drain();
        vm.togglePause();
        vm.stop();
        assertEquals(List.of("pause", "resume", "stop"), calls);

        listener.onStateChanged(RunState.STOPPED, "stopped by the user in epoch 2, batch 1");
        drain.drain();
        assertEquals("status.stopped", vm.statusProperty().get().key());
        assertEquals(List.of(1, 2), vm.statusProperty().get().args());
        assertTrue(vm.canStartProperty().get());
    }

    @Test
    void aDivergedRunSaysWhere() {
        vm.start();
        listener.onStateChanged(RunState.RUNNING, null);
        listener.onBatch(new BatchMetrics(1, 1, 125, 1, 2.3, 1e-3));
        listener.onBatch(new BatchMetrics(1, 2, 125, 2, Double.NaN, 1e-3));
        listener.onStateChanged(RunState.DIVERGED, "the loss became NaN at iteration 2 (epoch 1, batch 2)");
        drain.drain();
        Status status = vm.statusProperty().get();
        assertEquals("status.diverged", status.key());
        assertEquals(List.of(1, 2, 2L, "NaN", "0.001"), status.args());
        assertEquals(2 / 125.0, charts.divergedAtProperty().get(), 1e-12);
    }

    @Test
    void throughputAndTimeLeftComeFromBatchTimes() {
        vm.start();
        listener.onPrepared(new RunInfo(8000, 2000, 125, 0, 1, 1000, "", null));
        drain.offer(new org.trainlab.ui.charts.RunEvent.Batch(new BatchMetrics(1, 1, 125, 1, 2, 1e-3), 0));
        drain.offer(new org.trainlab.ui.charts.RunEvent.Batch(new BatchMetrics(1, 11, 125, 11, 2, 1e-3), 1_000_000_000L));
        drain.drain();
        assertEquals(640, vm.imagesPerSecondProperty().get(), 1e-9);
        assertEquals((625 - 11) * 64 / 640.0, vm.secondsLeftProperty().get(), 1e-9);
    }
}
