package org.trainlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.settings.NormalizationKind;

class NormalizationStatsTest {

    // Two 1x2 images: pixels 0, 255, 51, 102 -> 0, 1, 0.2, 0.4 on [0, 1].
    private final Dataset tiny = new Dataset("tiny", 1, 2, new byte[] {0, (byte) 255, 51, 102},
            new byte[] {0, 1}, 10);

    @Test
    void meanAndPopulationStdOfScaledPixels() {
        NormalizationStats stats = NormalizationStats.of(tiny);
        double mean = (0 + 1 + 0.2 + 0.4) / 4; // 0.4
        double variance = (0.16 + 0.36 + 0.04 + 0.0) / 4; // divided by n, not n - 1
        assertEquals(mean, stats.mean(), 1e-12);
        assertEquals(Math.sqrt(variance), stats.std(), 1e-12);
    }

    @Test
    void resolvePicksTheKindsFigures() {
        assertSame(NormalizationStats.IDENTITY, NormalizationStats.resolve(NormalizationKind.NONE, tiny));
        assertSame(NormalizationStats.FIXED_MNIST, NormalizationStats.resolve(NormalizationKind.FIXED_MNIST, tiny));
        assertEquals(NormalizationStats.of(tiny), NormalizationStats.resolve(NormalizationKind.TRAINING_SPLIT, tiny));
        assertEquals(0.1307, NormalizationStats.FIXED_MNIST.mean());
        assertEquals(0.3081, NormalizationStats.FIXED_MNIST.std());
    }

    @Test
    void applyStandardizesInPlace() {
        float[] x = {9, 0.4f, 1f, 9};
        new NormalizationStats(0.4, 0.5).apply(x, 1, 2);
        assertEquals(9, x[0]);
        assertEquals(0f, x[1], 1e-6f);
        assertEquals(1.2f, x[2], 1e-6f);
        assertEquals(9, x[3]);
    }

    @Test
    void aConstantDatasetHasNoUsableStd() {
        Dataset flat = new Dataset("flat", 1, 2, new byte[] {7, 7}, new byte[] {0}, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NormalizationStats.of(flat));
        assertEquals(true, e.getMessage().startsWith("flat:"), e.getMessage());
    }
}
