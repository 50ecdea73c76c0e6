package org.trainlab.experiment.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedDifferenceTest {

    @Test
    void tQuantilesAreTheTablesFigures() {
        // scipy.stats.t.ppf(0.975, df) for df = 1, 2, 4, 9
        assertEquals(12.7062, PairedDifference.tQuantile(1), 1e-4);
        assertEquals(4.3027, PairedDifference.tQuantile(2), 1e-4);
        assertEquals(2.7764, PairedDifference.tQuantile(4), 1e-4);
        assertEquals(2.2622, PairedDifference.tQuantile(9), 1e-4);
    }

    @Test
    void intervalIsMeanPlusMinusTTimesStandardError() {
        // d = 1..5: mean 3, sd sqrt(2.5), se sqrt(0.5); half width 2.7764 * 0.70711 = 1.9632
        PairedDifference d = PairedDifference.ofDifferences(1, 2, 3, 4, 5);
        assertEquals(5, d.pairs());
        assertEquals(3.0, d.mean(), 1e-12);
        assertEquals(1.0368, d.low(), 1e-4);
        assertEquals(4.9632, d.high(), 1e-4);
        assertEquals(5, d.above());
        assertEquals(0, d.below());
        assertTrue(d.established());
    }

    @Test
    void pairsAreTakenSeedBySeedAndNonNumbersLeftOut() {
        // b - a = 0.5, -0.1, (NaN left out), 0.2: mean 0.2, sd 0.3, se 0.17321, t(2) 4.3027 -> half 0.74525
        PairedDifference d = PairedDifference.of(List.of(1.0, 2.0, 3.0, 4.0), List.of(1.5, 1.9, Double.NaN, 4.2));
        assertEquals(3, d.pairs());
        assertEquals(0.2, d.mean(), 1e-12);
        assertEquals(0.2 - 0.74525, d.low(), 1e-4);
        assertEquals(0.2 + 0.74525, d.high(), 1e-4);
        assertEquals(2, d.above());
        assertEquals(1, d.below());
        assertFalse(d.established(), "the interval spans zero");
    }

    @Test
    void oneOrNoPairHasNoInterval() {
        PairedDifference one = PairedDifference.ofDifferences(2.0);
        assertEquals(2.0, one.mean());
        assertTrue(Double.isNaN(one.low()) && Double.isNaN(one.high()));
        assertFalse(one.established());
        assertEquals(0, PairedDifference.ofDifferences().pairs());
    }
}
