package org.trainlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.BatchMetrics;
import org.trainlab.experiment.Defaults;
import org.trainlab.experiment.EpochMetrics;

class ChartsModelTest {

    private final ChartsModel model = new ChartsModel();

    @Test
    void pointsArriveInBatchesAndEachSeriesRedrawsOnce() {
        model.apply(List.of(new RunEvent.Started(Defaults.settings(), new double[] {1e-3, 1e-3, 1e-3, 1e-3, 1e-3})));
        XYSeries batches = model.batchLoss().getSeries(0);
        AtomicInteger redraws = new AtomicInteger();
        batches.addChangeListener(e -> redraws.incrementAndGet());

        model.apply(List.of(batch(1, 1, 2.3), batch(1, 2, 2.0), batch(1, 3, 1.5), batch(1, 4, 1.0),
                new RunEvent.Epoch(new EpochMetrics(1, 4, 1.7, 0.6, 1.1, 0.7, 1e-3, 1e-3, 10, 100, 1))));

        assertEquals(4, batches.getItemCount());
        assertEquals(1, redraws.get(), "one redraw for the whole drained batch");
        assertEquals(0.25, batches.getX(0).doubleValue(), "x is in epochs");
        assertEquals(1, model.accuracy().getSeries(0).getItemCount());
        assertEquals(0.7, model.accuracy().getSeries(1).getY(0).doubleValue());
        assertEquals(10, model.learningRate().getSeries(0).getItemCount(), "planned: one step per epoch");
        assertEquals(5, model.epochsProperty().get());
    }

    @Test
    void aLossThatIsNotANumberMarksWhereTheRunDiverged() {
        model.apply(List.of(new RunEvent.Started(Defaults.settings(), new double[0]), batch(1, 1, 2.3),
                batch(1, 2, Double.NaN)));
        assertEquals(0.5, model.divergedAtProperty().get());
        assertEquals(1, model.batchLoss().getSeries(0).getItemCount());

        model.apply(List.of(new RunEvent.Started(Defaults.settings(), new double[0])));
        assertTrue(Double.isNaN(model.divergedAtProperty().get()), "a new run clears the mark");
        assertEquals(0, model.batchLoss().getSeries(0).getItemCount());
    }

    private static RunEvent.Batch batch(int epoch, int batch, double loss) {
        return new RunEvent.Batch(new BatchMetrics(epoch, batch, 4, (epoch - 1) * 4L + batch, loss, 1e-3), 0);
    }
}
