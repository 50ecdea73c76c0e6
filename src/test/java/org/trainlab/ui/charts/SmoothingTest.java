package org.trainlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.settings.Defaults;

/** The per-batch loss smoothed with TensorBoard's debiased EMA, point by point, never the learning rate. */
class SmoothingTest {

    @Test
    void debiasedEmaMatchesValuesWorkedByHand() {
        DebiasedEma ema = new DebiasedEma(0.6);
        // t=1: (0.4*2) / (1-0.6) = 2, the first raw value itself
        assertEquals(2.0, ema.add(2.0), 1e-12);
        // t=2: (0.4*1 + 0.6*0.4*2) / (1-0.36) = 0.88 / 0.64
        assertEquals(1.375, ema.add(1.0), 1e-12);
        // t=3: (0.528 + 0.2) / (1-0.216) = 0.728 / 0.784
        assertEquals(0.728 / 0.784, ema.add(0.5), 1e-12);
        assertTrue(Double.isNaN(ema.add(Double.NaN)), "a diverged point passes through");
        // the NaN left the average alone: t=4 continues from t=3
        assertEquals((0.728 * 0.6 + 0.4 * 0.5) / (1 - 0.1296), ema.add(0.5), 1e-12);

        DebiasedEma none = new DebiasedEma(0);
        assertEquals(3.0, none.add(3.0));
        assertEquals(1.0, none.add(1.0), "weight 0 is the raw curve");
    }

    @Test
    void smoothedCurveGrowsWithTheRawOneAndNeverTouchesTheLearningRate() {
        ChartsModel model = new ChartsModel();
        model.options().smoothingProperty().set(0.6);
        model.apply(List.of(new RunEvent.Started("a", Defaults.settings())));
        model.setOverlay(List.of(new ChartsModel.Overlay("a", 0, "A")), "a");
        double[] losses = {2.3, 1.9, 1.2, 1.4, 0.9, 0.8};
        double[] rates = {0.1, 0.1, 0.05, 0.05, 0.01, 0.01};
        model.apply(List.of(batch(1, losses[0], rates[0]), batch(2, losses[1], rates[1]), batch(3, losses[2], rates[2])));
        XYSeries smoothed = model.smoothedLoss().getSeries(0);
        List<Double> first = ys(smoothed);
        model.apply(List.of(batch(4, losses[3], rates[3]), batch(5, losses[4], rates[4]), batch(6, losses[5], rates[5])));

        DebiasedEma byHand = new DebiasedEma(0.6);
        List<Double> expected = new ArrayList<>();
        for (double l : losses) {
            expected.add(byHand.add(l));
        }
        assertEquals(losses[0], smoothed.getY(0).doubleValue(), 1e-12, "the start is not pulled to zero");
        assertEquals(6, smoothed.getItemCount());
        for (int i = 0; i < 6; i++) {
            assertEquals(expected.get(i), smoothed.getY(i).doubleValue(), 1e-12);
            assertEquals(losses[i], model.batchLoss().getSeries(0).getY(i).doubleValue(), 1e-12, "raw stays raw");
            assertEquals(rates[i], model.learningRate().getSeries(0).getY(i).doubleValue(), 0, "the rate is as used");
        }
        assertEquals(first, ys(smoothed).subList(0, 3), "points already smoothed are kept, only new ones added");

        model.options().smoothingProperty().set(0.9);
        DebiasedEma stronger = new DebiasedEma(0.9);
        for (int i = 0; i < 6; i++) {
            assertEquals(stronger.add(losses[i]), smoothed.getY(i).doubleValue(), 1e-12, "a new weight smooths again");
            assertEquals(rates[i], model.learningRate().getSeries(0).getY(i).doubleValue(), 0, "never the rate");
        }
        assertEquals(1, model.learningRate().getSeriesCount());
        assertEquals("a/usedLr", model.learningRate().getSeriesKey(0));
    }

    private static List<Double> ys(XYSeries s) {
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < s.getItemCount(); i++) {
            y.add(s.getY(i).doubleValue());
        }
        return y;
    }

    private static RunEvent batch(int b, double loss, double lr) {
        return new RunEvent.Batch("a", new BatchMetrics(1, b, 6, b, loss, lr, 0.5 * b), 0);
    }
}
