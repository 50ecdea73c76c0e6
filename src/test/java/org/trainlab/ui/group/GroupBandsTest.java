package org.trainlab.ui.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.session.Groups;
import org.trainlab.session.SessionRun;

/** A group's band, epoch by epoch, against figures worked out by hand. */
class GroupBandsTest {

    @Test
    void eachEpochHasTheMeanSampleDeviationAndRangeOfTheSeedsThatReachedItLeavingOutDivergedValues() {
        SessionRun a = seed("a", new double[][] {{0.80, 0.50}, {0.90, 0.30}, {0.95, 0.20}});
        SessionRun b = seed("b", new double[][] {{0.70, 0.70}, {0.86, Double.NaN}});
        SessionRun c = seed("c", new double[][] {{0.75, 0.60}});
        GroupBands.Band band = GroupBands.Band.of(new Groups.Unit("g", "G", null, List.of(a, b, c)));

        assertEquals(3, band.accuracy().size(), "as many epochs as the longest seed");
        GroupBands.Stat first = band.accuracy().get(0); // 0.80, 0.70, 0.75
        assertEquals(1, first.x());
        assertEquals(0.75, first.mean(), 1e-12);
        assertEquals(0.05, first.sd(), 1e-12); // sqrt((0.0025 + 0.0025 + 0) / 2)
        assertEquals(0.70, first.min(), 1e-12);
        assertEquals(0.80, first.max(), 1e-12);
        GroupBands.Stat second = band.accuracy().get(1); // 0.90, 0.86: c stopped after one epoch
        assertEquals(0.88, second.mean(), 1e-12);
        assertEquals(Math.sqrt(0.0008), second.sd(), 1e-12); // (0.02^2 * 2) / 1
        GroupBands.Stat third = band.accuracy().get(2); // a alone
        assertEquals(0.95, third.mean(), 1e-12);
        assertEquals(0, third.sd(), "one seed: no spread");
        GroupBands.Stat lossTwo = band.loss().get(1); // 0.30 and a diverged NaN, left out
        assertEquals(0.30, lossTwo.mean(), 1e-12);
        assertEquals(0.30, lossTwo.max(), 1e-12);
        assertEquals(List.of(3, 2, 1), band.seedAccuracy().stream().map(List::size).toList(), "each seed's own curve");
    }

    @Test
    void anEpochWithNoFiniteValueHasNoFigures() {
        GroupBands.Stat none = GroupBands.Band.stat(4, new double[] {Double.NaN, Double.POSITIVE_INFINITY, 0.5}, 2);
        assertEquals(4, none.x());
        assertTrue(Double.isNaN(none.mean()) && Double.isNaN(none.sd()) && Double.isNaN(none.min()) && Double.isNaN(none.max()),
                "only the first two values count, and neither is finite");
    }

    private static SessionRun seed(String id, double[][] accuracyAndLoss) {
        SessionRun run = SessionRun.queued(id, 0, Defaults.settings().withName(id));
        for (int e = 0; e < accuracyAndLoss.length; e++) {
            run = run.withEpoch(new EpochMetrics(e + 1, 10L * (e + 1), 0.5, 0.9, accuracyAndLoss[e][1], accuracyAndLoss[e][0],
                    1e-3, 1e-3, 10, 100, e + 1));
        }
        return run;
    }
}
