package org.trainlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** Checks the shipped files against the facts documented in assets/datasets/README.md. */
class BundledDigitsTest {

    @Test
    void splitsTheFirst8000ForTrainingAndTheLast2000ForTesting() throws IOException {
        DatasetSplit split = BundledDigits.load();
        Dataset all = BundledDigits.all();
        assertEquals(8000, split.train().size());
        assertEquals(2000, split.test().size());
        assertEquals(28, split.train().rows());
        assertEquals(28, split.train().cols());
        for (int i : new int[] {0, 4321, 7999}) {
            assertSameImage(all, i, split.train(), i);
        }
        for (int i : new int[] {0, 1234, 1999}) {
            assertSameImage(all, 8000 + i, split.test(), i);
        }
    }

    @Test
    void repeatedLoadsShareOneParse() throws IOException {
        assertSame(BundledDigits.load(), BundledDigits.load());
        assertSame(BundledDigits.all(), BundledDigits.all());
    }

    @Test
    void classCountsMatchTheDocumentedOnes() throws IOException {
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978},
                BundledDigits.all().classCounts());
    }

    @Test
    void pixelStatisticsMatchTheDocumentedOnes() throws IOException {
        NormalizationStats stats = NormalizationStats.of(BundledDigits.all());
        assertEquals(0.13113, stats.mean(), 1e-4);
        assertEquals(0.30870, stats.std(), 1e-4);
    }

    private static void assertSameImage(Dataset a, int i, Dataset b, int j) {
        assertEquals(a.label(i), b.label(j));
        float[] x = new float[784];
        float[] y = new float[784];
        a.copyImageAsFloat(i, x, 0);
        b.copyImageAsFloat(j, y, 0);
        assertArrayEquals(x, y);
    }
}
