package org.trainlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianTableTest {

    @Test
    void inverseNormalMatchesKnownQuantiles() {
        assertEquals(0, GaussianTable.inverseNormal(0.5), 1e-12);
        assertEquals(1.959963985, GaussianTable.inverseNormal(0.975), 1e-8);
        assertEquals(-2.326347874, GaussianTable.inverseNormal(0.01), 1e-8);
        assertEquals(-3.719016485, GaussianTable.inverseNormal(1e-4), 1e-8);
    }

    @Test
    void tableIsSortedSymmetricWithUnitVariance() {
        int n = GaussianTable.size();
        double squares = 0;
        for (int i = 0; i < n; i++) {
            float q = GaussianTable.quantile(i);
            squares += (double) q * q;
            assertEquals(-q, GaussianTable.quantile(n - 1 - i), 1e-6f);
            if (i > 0) {
                assertTrue(q > GaussianTable.quantile(i - 1), "quantiles must increase at " + i);
            }
        }
        assertEquals(1.0, squares / n, 1e-6);
        assertTrue(GaussianTable.quantile(n - 1) > 4.0, "tails should reach past 4 standard deviations");
    }
}
