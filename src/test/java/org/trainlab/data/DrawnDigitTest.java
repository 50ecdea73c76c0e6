package org.trainlab.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DrawnDigitTest {

    /** A "1"-like bar, 12 rows by 4 columns, drawn in the pad's top-left corner. */
    private static float[] offCentreBar() {
        float[] pad = new float[28 * 28];
        for (int r = 1; r < 13; r++) {
            for (int c = 2; c < 6; c++) {
                pad[r * 28 + c] = 1;
            }
        }
        return pad;
    }

    @Test
    void anOffCentreStrokeIsFittedInto20By20AndCentredByItsMass() {
        float[] image = DrawnDigit.toMnist(offCentreBar(), 28, 28);
        double[] com = DrawnDigit.centreOfMass(image);
        assertEquals(14, com[0], 0.5, "rows");
        assertEquals(14, com[1], 0.5, "columns");
        int[] box = inkBox(image);
        assertEquals(20, box[1] - box[0] + 1, "the longer side becomes 20 pixels");
        assertEquals(7, box[3] - box[2] + 1, "the aspect ratio is kept: 4/12 of 20 is about 7");
    }

    @Test
    void aLargerPadGivesTheSameDigitAsA28Pad() {
        float[] big = new float[56 * 56];
        float[] small = offCentreBar();
        for (int r = 0; r < 56; r++) {
            for (int c = 0; c < 56; c++) {
                big[r * 56 + c] = small[(r / 2) * 28 + c / 2];
            }
        }
        assertArrayEquals(DrawnDigit.toMnist(small, 28, 28), DrawnDigit.toMnist(big, 56, 56), 1e-5f);
    }

    @Test
    void anEmptyPadGivesABlankImageAndAWrongSizeIsRefused() {
        assertArrayEquals(new float[784], DrawnDigit.toMnist(new float[784], 28, 28));
        assertThrows(IllegalArgumentException.class, () -> DrawnDigit.toMnist(new float[100], 28, 28));
    }

    /** First row, last row, first column, last column holding ink. */
    private static int[] inkBox(float[] image) {
        int top = 28, bottom = -1, left = 28, right = -1;
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                if (image[r * 28 + c] > 0.01f) {
                    top = Math.min(top, r);
                    bottom = Math.max(bottom, r);
                    left = Math.min(left, c);
                    right = Math.max(right, c);
                }
            }
        }
        return new int[] {top, bottom, left, right};
    }
}
