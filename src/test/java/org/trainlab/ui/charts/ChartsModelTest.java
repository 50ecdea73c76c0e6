package org.trainlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;
import org.trainlab.experiment.settings.TrainingSettings;
import org.trainlab.session.LossCurve;
import org.trainlab.session.SessionRun;

class ChartsModelTest {

    private final ChartsModel model = new ChartsModel();

    @Test
    void pointsArriveInBatchesAndEachSeriesRedrawsOnce() {
        model.apply(List.of(new RunEvent.Started("a", Defaults.settings())));
        model.setOverlay(List.of(new ChartsModel.Overlay("a", 0, "Baseline")), "a");
        XYSeries batches = model.batchLoss().getSeries(0);
        AtomicInteger redraws = new AtomicInteger();
        batches.addChangeListener(e -> redraws.incrementAndGet());

        model.apply(List.of(batch("a", 1, 1, 2.3), batch("a", 1, 2, 2.0), batch("a", 1, 3, 1.5), batch("a", 1, 4, 1.0),
                new RunEvent.Epoch("a", new EpochMetrics(1, 4, 1.7, 0.6, 1.1, 0.7, 1e-3, 1e-3, 10, 100, 1))));

        assertEquals(4, batches.getItemCount());
        assertEquals(1, redraws.get(), "one change per series for the whole drained batch");
        assertEquals(0.25, batches.getX(0).doubleValue(), "x is in epochs");
        assertEquals(1, model.accuracy().getSeries(0).getItemCount());
        assertEquals(0.7, model.accuracy().getSeries(1).getY(0).doubleValue());
        assertEquals(10, model.plannedLearningRate().getSeries(0).getItemCount(), "planned: one step per epoch");
        assertEquals(2, model.accuracyGap().getSeriesCount(), "the highlighted run's gap is shaded");
        assertEquals(5, model.epochsProperty().get());
    }

    @Test
    void aDrainEndsInOneChangeNamingTheDatasetsItTouched() {
        model.setOverlay(List.of(new ChartsModel.Overlay("a", 0, "A"), new ChartsModel.Overlay("b", 1, "B")), "a");
        List<ChartsModel.Change> changes = new java.util.ArrayList<>();
        model.changesProperty().addListener((obs, old, now) -> changes.add(now));
        AtomicInteger datasetEvents = new AtomicInteger();
        model.accuracy().addChangeListener(e -> datasetEvents.incrementAndGet());

        model.apply(List.of(epoch("a", 1, 0.9), epoch("b", 1, 0.8), batch("a", 1, 4, 1.0)));

        assertEquals(1, changes.size(), "one redraw per chart, however many series changed");
        assertTrue(changes.get(0).datasets().contains(model.accuracy()));
        assertTrue(changes.get(0).datasets().contains(model.batchLoss()));
        assertEquals(0, datasetEvents.get(), "the datasets never redraw a chart themselves");

        model.apply(List.of(epoch("c", 1, 0.5)));
        assertEquals(1, changes.size(), "a run not shown changes nothing on the charts");
    }

    @Test
    void everyShownRunHasItsOwnSeriesInTheListsOrder() {
        model.apply(List.of(new RunEvent.Started("a", Defaults.settings()),
                new RunEvent.Started("b", Defaults.settings().withTraining(new TrainingSettings(12, 64, 1))),
                epoch("a", 1, 0.9), epoch("b", 1, 0.8), epoch("b", 2, 0.85)));
        model.setOverlay(List.of(new ChartsModel.Overlay("a", 0, "A"), new ChartsModel.Overlay("b", 3, "B (dropout)")), "b");

        assertEquals(4, model.accuracy().getSeriesCount(), "train and held-out per run");
        assertEquals(1, model.accuracy().getSeries(1).getItemCount(), "run a's held-out");
        assertEquals(2, model.accuracy().getSeries(3).getItemCount(), "run b's held-out");
        assertEquals(2, model.batchLoss().getSeriesCount());
        assertEquals(2, model.accuracyGap().getSeries(1).getItemCount(), "b is highlighted");
        assertEquals(12, model.epochsProperty().get(), "the x axis spans the longest run shown");

        model.setOverlay(List.of(new ChartsModel.Overlay("a", 0, "A")), "b");
        assertEquals(2, model.accuracy().getSeriesCount());
        assertEquals(1, model.accuracyGap().getSeries(1).getItemCount(), "the first run shown is highlighted instead");
        assertEquals(5, model.epochsProperty().get());
    }

    @Test
    void aLossThatIsNotANumberMarksWhereTheRunDiverged() {
        model.setOverlay(List.of(new ChartsModel.Overlay("a", 2, "A")), null);
        model.apply(List.of(new RunEvent.Started("a", Defaults.settings()), batch("a", 1, 1, 2.3),
                batch("a", 1, 2, Double.NaN)));
        assertEquals(List.of(new ChartsModel.Divergence("a", 2, 0.5)), model.divergencesProperty().get());
        assertEquals(1, model.batchLoss().getSeries(0).getItemCount());

        model.apply(List.of(new RunEvent.Started("a", Defaults.settings())));
        assertTrue(model.divergencesProperty().get().isEmpty(), "a new start clears the mark");
        assertEquals(0, model.batchLoss().getSeries(0).getItemCount());
    }

    @Test
    void aRecordedRunShowsEveryEpochAndItsLossCurve() {
        LossCurve.Builder losses = new LossCurve.Builder();
        for (int i = 1; i <= 8; i++) {
            losses.add(i, 2.0 / i);
        }
        SessionRun run = SessionRun.queued("r", 1, Defaults.settings())
                .withEpoch(new EpochMetrics(1, 4, 1, 0.6, 1.1, 0.55, 1e-3, 1e-3, 10, 100, 1))
                .withEpoch(new EpochMetrics(2, 8, 0.5, 0.8, 0.9, 0.7, 1e-3, 1e-3, 10, 100, 2))
                .withLosses(losses.build()).withState(RunState.STOPPED, StateNote.of("run.note.stoppedByUser", 2, 1));
        model.load(run);
        model.setOverlay(List.of(new ChartsModel.Overlay("r", 1, "R")), "r");

        assertEquals(2, model.accuracy().getSeries(1).getItemCount());
        assertEquals(8, model.batchLoss().getSeries(0).getItemCount());
        assertEquals(0.25, model.batchLoss().getSeries(0).getX(0).doubleValue(), "4 batches per epoch, from epoch 1");

        model.beginReplay(run);
        assertEquals(0, model.accuracy().getSeries(1).getItemCount());
        model.showReplay(run, 1, 4);
        assertEquals(1, model.accuracy().getSeries(1).getItemCount());
        assertEquals(4, model.batchLoss().getSeries(0).getItemCount());
        model.showReplay(run, 1, 4);
        assertEquals(4, model.batchLoss().getSeries(0).getItemCount(), "nothing twice");
        model.showReplay(run, 2, 8);
        assertEquals(2, model.accuracy().getSeries(1).getItemCount());
        assertEquals(8, model.batchLoss().getSeries(0).getItemCount());
    }

    private static RunEvent.Batch batch(String run, int epoch, int batch, double loss) {
        return new RunEvent.Batch(run, new BatchMetrics(epoch, batch, 4, (epoch - 1) * 4L + batch, loss, 1e-3), 0);
    }

    private static RunEvent.Epoch epoch(String run, int n, double heldOut) {
        return new RunEvent.Epoch(run, new EpochMetrics(n, 4L * n, 1, 0.9, 1, heldOut, 1e-3, 1e-3, 10, 100, n));
    }
}
