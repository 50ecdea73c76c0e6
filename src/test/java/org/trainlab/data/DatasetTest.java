package org.trainlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatasetTest {

    private final byte[] pixels = IdxBytes.pattern(4, 2, 3);
    private final Dataset data = new Dataset("tiny", 2, 3, pixels, new byte[] {4, 1, 4, 0}, 10);

    @Test
    void pixelReadsRowMajorImageAfterImage() {
        assertEquals(pixels[6 * 2 + 1 * 3 + 2] & 0xff, data.pixel(2, 1, 2));
        assertEquals(pixels[0] & 0xff, data.pixel(0, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> data.pixel(0, 2, 0));
    }

    @Test
    void copyImageAsFloatScalesToUnitRangeAtTheOffset() {
        float[] dst = new float[10];
        dst[0] = -1;
        data.copyImageAsFloat(3, dst, 2);
        assertEquals(-1, dst[0]);
        for (int k = 0; k < 6; k++) {
            assertEquals((pixels[18 + k] & 0xff) / 255f, dst[2 + k], 1e-7f);
        }
        assertEquals(0, dst[8]);
        assertThrows(IndexOutOfBoundsException.class, () -> data.copyImageAsFloat(0, dst, 5));
    }

    @Test
    void prefixTakesTheFirstImagesAndCapsAtTheSize() {
        Dataset two = data.prefix(2);
        assertEquals(2, two.size());
        assertEquals(data.pixel(1, 1, 1), two.pixel(1, 1, 1));
        assertEquals(1, two.label(1));
        assertSame(data, data.prefix(4));
        assertSame(data, data.prefix(1000));
    }

    @Test
    void classCountsCountLabels() {
        int[] counts = data.classCounts();
        assertEquals(10, counts.length);
        assertEquals(2, counts[4]);
        assertEquals(1, counts[1]);
        assertEquals(1, counts[0]);
    }

    @Test
    void rejectsPixelsThatDoNotMatchTheLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("odd", 2, 3, new byte[20], new byte[4], 10));
        assertTrue(e.getMessage().startsWith("odd:"), e.getMessage());
    }

    @Test
    void rejectsLabelsOutsideTheClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("three", 1, 1, new byte[2], new byte[] {0, 3}, 3));
        assertTrue(e.getMessage().startsWith("three: label 3 of image 1"), e.getMessage());
    }
}
