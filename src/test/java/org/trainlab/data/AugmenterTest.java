package org.trainlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.settings.AugmentationSettings;

class AugmenterTest {

    private static final int S = 28;
    private static final int N = S * S;
    private static final double CENTRE = (S - 1) / 2.0;

    private static AugmentationSettings off() {
        return new AugmentationSettings(false, false, false, 0, 0, 0, 0, 0);
    }

    private static AugmentationSettings all() {
        return new AugmentationSettings(true, true, true, 20, 3, 0.2, 0.1, 0.5);
    }

    @Test
    void nothingOnIsTheIdentity() {
        Augmenter augmenter = new Augmenter(off());
        assertTrue(augmenter.isIdentity());
        assertFalse(new Augmenter(new AugmentationSettings(false, false, false, 0, 1, 0, 0, 0)).isIdentity());
        float[] images = randomImages(3, 1);
        float[] before = images.clone();
        augmenter.augmentBatch(images, 0, 3, 42, 7);
        assertArrayEquals(before, images);
    }

    @Test
    void flipMirrorsColumnsExactlyWhenItFires() {
        int count = 64;
        float[] images = randomImages(count, 2);
        float[] before = images.clone();
        new Augmenter(new AugmentationSettings(false, true, false, 0, 0, 0, 0, 0))
                .augmentBatch(images, 0, count, 1, 1);
        int flipped = 0;
        for (int i = 0; i < count; i++) {
            boolean same = true;
            boolean mirrored = true;
            for (int r = 0; r < S; r++) {
                for (int c = 0; c < S; c++) {
                    float out = images[i * N + r * S + c];
                    same &= out == before[i * N + r * S + c];
                    mirrored &= out == before[i * N + r * S + (S - 1 - c)];
                }
            }
            assertTrue(same ^ mirrored, "image " + i + " must be either untouched or exactly mirrored");
            flipped += mirrored ? 1 : 0;
        }
        assertTrue(flipped > 16 && flipped < 48, "about half should flip, got " + flipped + " of " + count);
    }

    @Test
    void rotate90TurnsCounterClockwise() {
        float[] image = randomImages(1, 3);
        float[] before = image.clone();
        new Augmenter(new AugmentationSettings(false, false, true, 0, 0, 0, 0, 0)).augmentBatch(image, 0, 1, 0, 0);
        for (int r = 0; r < S; r++) {
            for (int c = 0; c < S; c++) {
                assertEquals(before[c * S + (S - 1 - r)], image[r * S + c], "pixel " + r + "," + c);
            }
        }
        // Counter-clockwise: the top-right corner becomes the top-left, the top-left the bottom-left.
        assertEquals(before[S - 1], image[0]);
        assertEquals(before[0], image[(S - 1) * S]);
    }

    @Test
    void resizeCropKeepsAConstantImageConstant() {
        float[] image = new float[N];
        Arrays.fill(image, 0.6f);
        new Augmenter(new AugmentationSettings(true, false, false, 0, 0, 0, 0, 0)).augmentBatch(image, 0, 1, 0, 0);
        for (float v : image) {
            assertEquals(0.6f, v, 1e-6f);
        }
    }

    @Test
    void resizeCropMovesAnOffCentreDotOutwardBy34Over28() {
        float[] image = new float[N];
        dot(image, 0, 6, 6);
        double before = distanceFromCentre(image, 0);
        new Augmenter(new AugmentationSettings(true, false, false, 0, 0, 0, 0, 0)).augmentBatch(image, 0, 1, 0, 0);
        double after = distanceFromCentre(image, 0);
        assertEquals(34.0 / 28.0, after / before, 0.03);
    }

    @Test
    void shiftAloneMovesADotByWholePixelsUpToTheLimit() {
        int count = 50;
        int k = 3;
        float[] images = new float[count * N];
        for (int i = 0; i < count; i++) {
            images[i * N + 10 * S + 15] = 1f;
        }
        new Augmenter(new AugmentationSettings(false, false, false, 0, k, 0, 0, 0)).augmentBatch(images, 0, count, 5, 9);
        int moved = 0;
        for (int i = 0; i < count; i++) {
            int at = -1;
            for (int p = 0; p < N; p++) {
                if (images[i * N + p] != 0f) {
                    assertEquals(-1, at, "image " + i + " must still hold a single dot");
                    assertEquals(1f, images[i * N + p], "an integer shift must not blur");
                    at = p;
                }
            }
            int dr = Math.abs(at / S - 10);
            int dc = Math.abs(at % S - 15);
            assertTrue(dr <= k && dc <= k, "image " + i + " moved by " + dr + "," + dc);
            moved += dr + dc > 0 ? 1 : 0;
        }
        assertTrue(moved > count / 2, "most dots should move, " + moved + " did");
    }

    @Test
    void rotationAloneKeepsTheDistanceFromTheCentreAndTurnsWithinTheLimit() {
        int count = 40;
        float[] images = new float[count * N];
        for (int i = 0; i < count; i++) {
            dot(images, i, 13, 21); // right of centre, so its angle starts near 0
        }
        double startAngle = angle(images, 0);
        double startDistance = distanceFromCentre(images, 0);
        new Augmenter(new AugmentationSettings(false, false, false, 30, 0, 0, 0, 0)).augmentBatch(images, 0, count, 3, 4);
        double largest = 0;
        for (int i = 0; i < count; i++) {
            assertEquals(startDistance, distanceFromCentre(images, i), 0.25, "image " + i);
            double turn = Math.abs(Math.toDegrees(angle(images, i) - startAngle));
            assertTrue(turn <= 31, "image " + i + " turned " + turn + " degrees");
            largest = Math.max(largest, turn);
        }
        assertTrue(largest > 15, "some image should turn by more than half the limit, the most was " + largest);
    }

    @Test
    void zoomAloneScalesTheDistanceFromTheCentreWithinTheLimit() {
        int count = 40;
        float[] images = new float[count * N];
        for (int i = 0; i < count; i++) {
            dot(images, i, 5, 13);
        }
        double start = distanceFromCentre(images, 0);
        new Augmenter(new AugmentationSettings(false, false, false, 0, 0, 0.25, 0, 0)).augmentBatch(images, 0, count, 8, 8);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < count; i++) {
            double ratio = distanceFromCentre(images, i) / start;
            min = Math.min(min, ratio);
            max = Math.max(max, ratio);
        }
        assertTrue(min >= 0.75 - 0.03 && max <= 1.25 + 0.03, "ratios in [" + min + ", " + max + "]");
        assertTrue(max - min > 0.2, "zoom should vary between images, ratios in [" + min + ", " + max + "]");
    }

    @Test
    void noiseHasTheRequestedStdAndStaysInRange() {
        int count = 20;
        float[] images = new float[count * N];
        Arrays.fill(images, 0.5f);
        new Augmenter(new AugmentationSettings(false, false, false, 0, 0, 0, 0.1, 0)).augmentBatch(images, 0, count, 11, 0);
        double sum = 0;
        double squares = 0;
        for (float v : images) {
            sum += v;
            squares += (v - 0.5) * (v - 0.5);
        }
        assertEquals(0.5, sum / images.length, 0.003);
        assertEquals(0.1, Math.sqrt(squares / images.length), 0.003);

        float[] dark = new float[N];
        new Augmenter(new AugmentationSettings(false, false, false, 0, 0, 0, 0.5, 0)).augmentBatch(dark, 0, 1, 11, 0);
        for (float v : dark) {
            assertTrue(v >= 0f && v <= 1f, "clamped to [0, 1], got " + v);
        }
    }

    @Test
    void erasingZeroesOneRectangleOfPlausibleArea() {
        int count = 50;
        float[] images = new float[count * N];
        Arrays.fill(images, 1f);
        new Augmenter(new AugmentationSettings(false, false, false, 0, 0, 0, 0, 1)).augmentBatch(images, 0, count, 2, 3);
        double centreRows = 0;
        double centreCols = 0;
        for (int i = 0; i < count; i++) {
            int top = S, left = S, bottom = -1, right = -1, zeros = 0;
            for (int p = 0; p < N; p++) {
                if (images[i * N + p] == 0f) {
                    zeros++;
                    top = Math.min(top, p / S);
                    bottom = Math.max(bottom, p / S);
                    left = Math.min(left, p % S);
                    right = Math.max(right, p % S);
                }
            }
            int box = (bottom - top + 1) * (right - left + 1);
            assertEquals(box, zeros, "image " + i + ": the zeros must fill their bounding rectangle");
            // 2% to 33% of 784 pixels, give or take the rounding of the sides.
            assertTrue(zeros >= 11 && zeros <= 280, "image " + i + " erased " + zeros + " pixels");
            centreRows += (top + bottom) / 2.0 / count;
            centreCols += (left + right) / 2.0 / count;
        }
        // Uniform placement puts the rectangles' centres around the image centre on average.
        assertEquals(CENTRE, centreRows, 2.5);
        assertEquals(CENTRE, centreCols, 2.5);
    }

    @Test
    void erasingFiresWithItsProbability() {
        int count = 200;
        float[] images = new float[count * N];
        Arrays.fill(images, 1f);
        new Augmenter(new AugmentationSettings(false, false, false, 0, 0, 0, 0, 0.5)).augmentBatch(images, 0, count, 2, 3);
        int erased = 0;
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < N; p++) {
                if (images[i * N + p] == 0f) {
                    erased++;
                    break;
                }
            }
        }
        assertTrue(erased > 70 && erased < 130, erased + " of " + count + " erased");
    }

    @Test
    void sameSeedAndKeyGiveTheSamePixelsOnAnyThread() throws Exception {
        Augmenter augmenter = new Augmenter(all());
        float[] source = randomImages(8, 4);
        float[] a = source.clone();
        float[] b = source.clone();
        float[] otherKey = source.clone();
        float[] otherSeed = source.clone();
        long key = Augmenter.batchKey(3, 17);
        augmenter.augmentBatch(a, 0, 8, 99, key);
        CompletableFuture.runAsync(() -> augmenter.augmentBatch(b, 0, 8, 99, key)).get();
        augmenter.augmentBatch(otherKey, 0, 8, 99, Augmenter.batchKey(3, 18));
        augmenter.augmentBatch(otherSeed, 0, 8, 100, key);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, otherKey));
        assertFalse(Arrays.equals(a, otherSeed));
        assertFalse(Arrays.equals(a, source));
    }

    @Test
    void touchesOnlyTheImagesAtTheOffset() {
        float[] images = new float[3 * N + 10];
        Arrays.fill(images, 0.5f);
        new Augmenter(new AugmentationSettings(false, false, false, 0, 0, 0, 0.2, 1)).augmentBatch(images, 5 + N, 2, 1, 1);
        for (int k = 0; k < 5 + N; k++) {
            assertEquals(0.5f, images[k]);
        }
        for (int k = 5 + 3 * N; k < images.length; k++) {
            assertEquals(0.5f, images[k]);
        }
        assertThrows(IndexOutOfBoundsException.class,
                () -> new Augmenter(all()).augmentBatch(images, 11, 3, 1, 1));
    }

    @Test
    void rejectsSettingsOutOfRangeNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Augmenter(new AugmentationSettings(false, false, false, 0, 0, 0.7, 0, 0)));
        assertTrue(e.getMessage().contains("AugmentationSettings.zoom"), e.getMessage());
        assertTrue(e.getMessage().contains("0.7"), e.getMessage());
    }

    private static float[] randomImages(int count, long seed) {
        Random random = new Random(seed);
        float[] images = new float[count * N];
        for (int k = 0; k < images.length; k++) {
            images[k] = random.nextFloat();
        }
        return images;
    }

    /** A 2x2 bright square whose top-left pixel is (r, c). */
    private static void dot(float[] images, int image, int r, int c) {
        for (int dr = 0; dr < 2; dr++) {
            for (int dc = 0; dc < 2; dc++) {
                images[image * N + (r + dr) * S + c + dc] = 1f;
            }
        }
    }

    private static double[] centroid(float[] images, int image) {
        double mass = 0, row = 0, col = 0;
        for (int p = 0; p < N; p++) {
            float v = images[image * N + p];
            mass += v;
            row += v * (p / S);
            col += v * (p % S);
        }
        return new double[] {row / mass, col / mass};
    }

    private static double distanceFromCentre(float[] images, int image) {
        double[] c = centroid(images, image);
        return Math.hypot(c[0] - CENTRE, c[1] - CENTRE);
    }

    private static double angle(float[] images, int image) {
        double[] c = centroid(images, image);
        return Math.atan2(c[0] - CENTRE, c[1] - CENTRE);
    }
}
