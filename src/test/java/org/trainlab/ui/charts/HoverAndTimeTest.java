package org.trainlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.session.LossCurve;
import org.trainlab.session.SessionRun;

/** The hover table lists each visible run's figures at the epoch pointed at; the x axis can count seconds. */
class HoverAndTimeTest {

    private final ChartsModel model = new ChartsModel();

    HoverAndTimeTest() {
        model.load(recorded("a", 0.10));
        model.load(recorded("b", 0.20));
        model.setOverlay(List.of(new ChartsModel.Overlay("a", 0, "A"), new ChartsModel.Overlay("b", 1, "B")), "a");
    }

    @Test
    void everyVisibleRunsValuesAtTheHoveredEpoch() {
        HoverTable.Table accuracy = HoverTable.at(model, "accuracy", 2.2);
        assertEquals(List.of(HoverTable.TRAIN, HoverTable.HELD_OUT), accuracy.columns());
        assertEquals(List.of("a", "b"), accuracy.rows().stream().map(HoverTable.Row::runId).toList());
        HoverTable.Row b = accuracy.rows().get(1);
        assertEquals(2, b.epoch(), "2.2 is nearest the end of epoch 2");
        assertEquals(List.of(0.5 + 0.2 + 0.02, 0.4 + 0.2 + 0.02), b.values());

        HoverTable.Table loss = HoverTable.at(model, "loss", 2.9);
        assertEquals(List.of(HoverTable.BATCH, HoverTable.SMOOTHED, HoverTable.TRAIN, HoverTable.HELD_OUT), loss.columns());
        HoverTable.Row a = loss.rows().get(0);
        assertEquals(3, a.epoch());
        assertEquals(2.0 / 12, a.values().get(0), 1e-6, "the batch point nearest the pointer (iteration 12 = epoch 3)");
        assertEquals(1.0 / 3, a.values().get(2), 1e-12);
        assertEquals(1.2 / 3, a.values().get(3), 1e-12);

        assertTrue(Double.isNaN(HoverTable.at(model, "accuracy", 4.6).rows().get(0).values().get(0)),
                "no figure where the run has none");

        model.options().toggleHidden("a");
        assertEquals(List.of("b"), HoverTable.at(model, "lr", 1).rows().stream().map(HoverTable.Row::runId).toList(),
                "a hidden run is not listed");
        model.options().toggleHidden("a");
        assertEquals(2, HoverTable.at(model, "lr", 1).rows().size());
    }

    @Test
    void secondsOfTrainingComeFromEachRunsClock() {
        TimedDataset accuracy = new TimedDataset(model.accuracy(), model::extras);
        assertEquals(2.0, accuracy.getXValue(0, 1), "in epochs: epoch 2");
        accuracy.setUnit(ChartOptions.XUnit.SECONDS);
        assertEquals(2 * 3.0, accuracy.getXValue(0, 1), 1e-12, "run a ends epoch 2 after 6 s");
        assertEquals(2 * 1.5, accuracy.getXValue(2, 1), 1e-12, "run b is twice as fast");
        // a batch point between epoch ends: iteration 6 is half way through epoch 2
        TimedDataset batches = new TimedDataset(model.batchLoss(), model::extras);
        batches.setUnit(ChartOptions.XUnit.SECONDS);
        assertEquals(4.5, batches.getXValue(0, 5), 1e-12);

        model.options().xUnitProperty().set(ChartOptions.XUnit.SECONDS);
        HoverTable.Table at = HoverTable.at(model, "accuracy", 4.5);
        assertEquals(List.of(2, 3), at.rows().stream().map(HoverTable.Row::epoch).toList(),
                "4.5 s is half way through epoch 2 for a (nearest end: 2), the end of epoch 3 for b");
        assertEquals(0.4 + 0.2 + 0.03, at.rows().get(1).values().get(1), 1e-12);
    }

    @Test
    void liveBatchesPlaceThemselvesInSecondsWithTheirOwnTime() {
        ChartsModel live = new ChartsModel();
        live.apply(List.of(new RunEvent.Started("c", Defaults.settings())));
        live.setOverlay(List.of(new ChartsModel.Overlay("c", 0, "C")), "c");
        live.apply(List.of(new RunEvent.Batch("c", new BatchMetrics(1, 1, 4, 1, 2.0, 1e-3, 0.7), 0),
                new RunEvent.Batch("c", new BatchMetrics(1, 2, 4, 2, 1.8, 1e-3, 1.1), 0)));
        TimedDataset batches = new TimedDataset(live.batchLoss(), live::extras);
        batches.setUnit(ChartOptions.XUnit.SECONDS);
        assertEquals(0.7, batches.getXValue(0, 0), 1e-12);
        assertEquals(1.1, batches.getXValue(0, 1), 1e-12);
        live.options().xUnitProperty().set(ChartOptions.XUnit.SECONDS);
        assertEquals(1.1 * 5 / 0.5 * 1.02, XAxes.end(live), 1e-9,
                "the axis spans the planned 5 epochs at the pace so far");
    }

    /** Three epochs of 4 batches, 3 s each for run a, 1.5 s for the others. */
    private static SessionRun recorded(String id, double offset) {
        LossCurve.Builder losses = new LossCurve.Builder();
        for (int i = 1; i <= 12; i++) {
            losses.add(i, 2.0 / i);
        }
        double secondsPerEpoch = id.equals("a") ? 3.0 : 1.5;
        SessionRun run = SessionRun.queued(id, 0, Defaults.settings());
        for (int n = 1; n <= 3; n++) {
            run = run.withEpoch(new EpochMetrics(n, 4L * n, 1.0 / n, 0.5 + offset + n / 100.0, 1.2 / n,
                    0.4 + offset + n / 100.0, 1e-3, 1e-3, 10, 100, secondsPerEpoch * n));
        }
        return run.withLosses(losses.build()).withState(RunState.COMPLETED, null);
    }
}
