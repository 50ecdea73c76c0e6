package org.trainlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossCurveTest {

    @Test
    void everyBatchIsKeptWhileThereAreFewerThanTheMaximum() {
        LossCurve.Builder b = new LossCurve.Builder();
        for (int i = 1; i <= 1999; i++) {
            b.add(i, i * 0.5);
        }
        LossCurve curve = b.build();
        assertEquals(1, curve.stride());
        assertEquals(1999, curve.points().size());
        assertEquals(new LossPoint(1999, 999.5f), curve.points().get(1998));
    }

    @Test
    void aLongRunIsDecimatedToMeansOfEqualRuns() {
        LossCurve.Builder b = new LossCurve.Builder();
        int batches = 100_000;
        for (int i = 1; i <= batches; i++) {
            b.add(i, i); // the loss equals the iteration, so a point's mean is the middle of its span
        }
        LossCurve curve = b.build();
        List<LossPoint> points = curve.points();
        assertTrue(points.size() <= LossCurve.MAX_POINTS, points.size() + " points");
        assertTrue(points.size() >= LossCurve.MAX_POINTS / 2, points.size() + " points");
        assertEquals(64, curve.stride()); // 100,000 / 64 = 1562.5 points: one more halving would leave 781
        for (int p = 0; p < 1562; p++) {
            LossPoint point = points.get(p);
            long last = (long) (p + 1) * curve.stride();
            assertEquals(last, point.iteration());
            assertEquals(last - (curve.stride() - 1) / 2.0, point.loss(), 1e-2, "mean of " + curve.stride() + " batches");
        }
        LossPoint partial = points.get(points.size() - 1);
        assertEquals(batches, partial.iteration(), "the last point reaches the last batch");
        assertEquals((1562 * 64 + 1 + batches) / 2.0, partial.loss(), 1e-2, "mean of the batches since the last full point");
    }

    @Test
    void aDivergedLossStaysVisible() {
        LossCurve.Builder b = new LossCurve.Builder();
        for (int i = 1; i <= 5000; i++) {
            b.add(i, i == 4321 ? Double.NaN : 1.0);
        }
        long nans = b.build().points().stream().filter(p -> Float.isNaN(p.loss())).count();
        assertEquals(1, nans);
    }

    @Test
    void iterationsMustIncrease() {
        LossCurve.Builder b = new LossCurve.Builder();
        b.add(5, 1);
        assertThrows(IllegalArgumentException.class, () -> b.add(5, 1));
        assertThrows(IllegalArgumentException.class, () -> new LossCurve(3, List.of()));
    }
}
