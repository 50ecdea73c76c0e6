package org.trainlab.data;

import org.trainlab.experiment.settings.Seeds;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

import org.trainlab.experiment.settings.AugmentationOption;
import org.trainlab.experiment.settings.AugmentationSettings;

/**
 * §2 augmentation of square greyscale images held as floats in [0, 1], row-major, one image after
 * another. Steps run in this order, each only when its setting is on:
 * <ol>
 *   <li>resize to 34 (bilinear, half-pixel centres, no antialiasing: torchvision's Resize on an
 *       upscale) and centre-crop back to 28;</li>
 *   <li>horizontal flip with probability 0.5;</li>
 *   <li>rotation by 90 degrees counter-clockwise (PIL's {@code rotate(90)});</li>
 *   <li>one random affine warp combining rotation, integer shift and zoom about the image centre,
 *       inverse-mapped with bilinear sampling and zero fill, so the image is interpolated once;</li>
 *   <li>Gaussian noise, clamped to [0, 1];</li>
 *   <li>random erasing of one rectangle to 0 (torchvision's RandomErasing: area 2-33%, aspect
 *       ratio log-uniform in [0.3, 3.3], up to 10 tries to fit).</li>
 * </ol>
 * Apply it to training batches only, never to the held-out split: the held-out figures must measure
 * the same images every epoch. It runs before normalization, so "0" means black.
 *
 * <p>The randomness of a batch comes only from (seed, batchKey), so the same run seed, epoch and
 * batch give the same pixels on any thread. Instances are immutable and thread-safe.
 */
public final class Augmenter {

    public static final int MNIST_SIDE = 28;
    private static final int RESIZED_MNIST_SIDE = 34;
    private static final double ERASE_MIN_AREA = 0.02;
    private static final double ERASE_MAX_AREA = 0.33;
    private static final double ERASE_LOG_MIN_RATIO = Math.log(0.3);
    private static final double ERASE_LOG_MAX_RATIO = Math.log(3.3);
    private static final int ERASE_ATTEMPTS = 10;

    private final AugmentationSettings settings;
    private final int side;
    private final int pixels;
    private final boolean warp;
    // Resize-then-crop is the same fixed map for every image: source taps and weights per output row/column.
    private final int[] tap0;
    private final int[] tap1;
    private final float[] weight1;

    public Augmenter(AugmentationSettings settings) {
        this(settings, MNIST_SIDE);
    }

    /** For square images of any side; resize-crop scales by the same 34/28 as for MNIST. */
    public Augmenter(AugmentationSettings settings, int side) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (side < 2) {
            throw new IllegalArgumentException("image side must be at least 2, was " + side);
        }
        check("rotationDegrees", settings.rotationDegrees(), 0, 180);
        check("shiftPixels", settings.shiftPixels(), 0, side / 2);
        check("zoom", settings.zoom(), 0, 0.5);
        check("noiseStd", settings.noiseStd(), 0, 1);
        check("erasingProbability", settings.erasingProbability(), 0, 1);
        this.side = side;
        this.pixels = side * side;
        this.warp = AugmentationOption.warps(settings);
        int resized = Math.round(side * (float) RESIZED_MNIST_SIDE / MNIST_SIDE);
        int crop = (int) Math.rint((resized - side) / 2.0);
        tap0 = new int[side];
        tap1 = new int[side];
        weight1 = new float[side];
        double scale = (double) side / resized;
        for (int o = 0; o < side; o++) {
            double s = Math.max(0, (o + crop + 0.5) * scale - 0.5);
            int t = (int) s;
            tap0[o] = Math.min(t, side - 1);
            tap1[o] = Math.min(t + 1, side - 1);
            weight1[o] = (float) (s - t);
        }
    }

    private static void check(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("AugmentationSettings." + field + " must be in [" + min + ", " + max
                    + "], was " + value);
        }
    }

    public AugmentationSettings settings() {
        return settings;
    }

    /** True when every step is off, so callers can skip the copy altogether. */
    public boolean isIdentity() {
        return !AugmentationOption.anyOn(settings);
    }

    /** A batch key from the epoch and the batch's index within it. */
    public static long batchKey(int epoch, int batch) {
        return (long) epoch << 32 | (batch & 0xffff_ffffL);
    }

    /**
     * Augments {@code count} images in place.
     *
     * @param offset   index in {@code images} of the first image's first pixel
     * @param seed     the run's seed
     * @param batchKey identifies the batch within the run, e.g. {@link #batchKey(int, int)}
     */
    public void augmentBatch(float[] images, int offset, int count, long seed, long batchKey) {
        if (count < 0 || offset < 0 || offset + (long) count * pixels > images.length) {
            throw new IndexOutOfBoundsException(count + " images of " + pixels + " floats from offset " + offset
                    + " do not fit in an array of " + images.length);
        }
        if (isIdentity()) {
            return;
        }
        SplittableRandom random = new SplittableRandom(mix(seed, batchKey));
        float[] scratch = new float[pixels];
        for (int i = 0; i < count; i++) {
            augment(images, offset + i * pixels, scratch, random);
        }
    }

    private void augment(float[] img, int at, float[] scratch, SplittableRandom random) {
        if (settings.resizeCrop()) {
            resizeCrop(img, at, scratch);
        }
        if (settings.horizontalFlip() && random.nextBoolean()) {
            flipHorizontal(img, at);
        }
        if (settings.rotate90()) {
            rotate90(img, at, scratch);
        }
        if (warp) {
            double degrees = settings.rotationDegrees();
            double angle = degrees > 0 ? Math.toRadians(random.nextDouble(-degrees, degrees)) : 0;
            double zoom = settings.zoom();
            double scale = zoom > 0 ? random.nextDouble(1 - zoom, 1 + zoom) : 1;
            int k = settings.shiftPixels();
            // Rounded uniform shift, as torchvision's RandomAffine draws it.
            int dx = k > 0 ? (int) Math.rint(random.nextDouble(-k, k)) : 0;
            int dy = k > 0 ? (int) Math.rint(random.nextDouble(-k, k)) : 0;
            if (angle == 0 && scale == 1) {
                shift(img, at, scratch, dx, dy);
            } else {
                affine(img, at, scratch, angle, scale, dx, dy);
            }
        }
        if (settings.noiseStd() > 0) {
            noise(img, at, random);
        }
        if (settings.erasingProbability() > 0 && random.nextDouble() < settings.erasingProbability()) {
            erase(img, at, random);
        }
    }

    private void resizeCrop(float[] img, int at, float[] out) {
        for (int r = 0; r < side; r++) {
            int row0 = at + tap0[r] * side;
            int row1 = at + tap1[r] * side;
            float wy = weight1[r];
            for (int c = 0; c < side; c++) {
                int x0 = tap0[c];
                int x1 = tap1[c];
                float wx = weight1[c];
                float top = img[row0 + x0] + wx * (img[row0 + x1] - img[row0 + x0]);
                float bottom = img[row1 + x0] + wx * (img[row1 + x1] - img[row1 + x0]);
                out[r * side + c] = top + wy * (bottom - top);
            }
        }
        System.arraycopy(out, 0, img, at, pixels);
    }

    private void flipHorizontal(float[] img, int at) {
        for (int r = 0; r < side; r++) {
            int left = at + r * side;
            int right = left + side - 1;
            while (left < right) {
                float t = img[left];
                img[left++] = img[right];
                img[right--] = t;
            }
        }
    }

    /** Counter-clockwise: output (r, c) is input (c, side-1-r), so the top-right corner becomes the top-left. */
    private void rotate90(float[] img, int at, float[] out) {
        for (int r = 0; r < side; r++) {
            int source = at + side - 1 - r;
            for (int c = 0; c < side; c++) {
                out[r * side + c] = img[source + c * side];
            }
        }
        System.arraycopy(out, 0, img, at, pixels);
    }

    /** Exact integer translation with zero fill: the common case, no interpolation needed. */
    private void shift(float[] img, int at, float[] out, int dx, int dy) {
        if (dx == 0 && dy == 0) {
            return;
        }
        Arrays.fill(out, 0f);
        int cFrom = Math.max(0, dx);
        int cTo = Math.min(side, side + dx);
        for (int r = Math.max(0, dy); r < Math.min(side, side + dy); r++) {
            if (cTo > cFrom) {
                System.arraycopy(img, at + (r - dy) * side + cFrom - dx, out, r * side + cFrom, cTo - cFrom);
            }
        }
        System.arraycopy(out, 0, img, at, pixels);
    }

    /**
     * Rotation by {@code angle} (counter-clockwise on screen), zoom by {@code scale} about the centre,
     * then a shift, done as one inverse map: each output pixel samples the input bilinearly at
     * centre + R(-angle) (p - centre - shift) / scale, reading 0 outside the image.
     */
    private void affine(float[] img, int at, float[] out, double angle, double scale, int dx, int dy) {
        double centre = (side - 1) / 2.0;
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        for (int r = 0; r < side; r++) {
            // Along a row the source point moves by (cos, sin) per column, so step it instead of recomputing.
            double v = r - centre - dy;
            double u0 = -centre - dx;
            double sx0 = centre + cos * u0 - sin * v;
            double sy0 = centre + sin * u0 + cos * v;
            // Only columns whose source lies within the image can be non-zero; a conservative range is
            // enough because sample() checks again.
            int from = 0;
            int to = side;
            from = Math.max(from, firstInside(sx0, cos));
            to = Math.min(to, endInside(sx0, cos));
            from = Math.max(from, firstInside(sy0, sin));
            to = Math.min(to, endInside(sy0, sin));
            int row = r * side;
            if (to <= from) {
                Arrays.fill(out, row, row + side, 0f);
                continue;
            }
            Arrays.fill(out, row, row + from, 0f);
            Arrays.fill(out, row + to, row + side, 0f);
            float sx = (float) (sx0 + from * cos);
            float sy = (float) (sy0 + from * sin);
            float stepX = (float) cos;
            float stepY = (float) sin;
            for (int c = from; c < to; c++, sx += stepX, sy += stepY) {
                out[row + c] = sample(img, at, sx, sy);
            }
        }
        System.arraycopy(out, 0, img, at, pixels);
    }

    /** Lowest column c (at least 0) with start + c * step possibly above -1. */
    private int firstInside(double start, double step) {
        double bound = step > 0 ? (-1 - start) / step : step < 0 ? (side - start) / step : 0;
        if (step == 0) {
            return start > -1 && start < side ? 0 : side;
        }
        return (int) Math.max(0, Math.floor(bound));
    }

    /** One past the highest column c with start + c * step possibly below {@code side}. */
    private int endInside(double start, double step) {
        if (step == 0) {
            return start > -1 && start < side ? side : 0;
        }
        double bound = step > 0 ? (side - start) / step : (-1 - start) / step;
        return (int) Math.min(side, Math.ceil(bound) + 1);
    }

    private float sample(float[] img, int at, float sx, float sy) {
        if (!(sx > -1 && sy > -1 && sx < side && sy < side)) {
            return 0f;
        }
        int x0 = sx < 0 ? -1 : (int) sx;
        int y0 = sy < 0 ? -1 : (int) sy;
        float fx = sx - x0;
        float fy = sy - y0;
        if (x0 >= 0 && y0 >= 0 && x0 < side - 1 && y0 < side - 1) {
            int p = at + y0 * side + x0;
            float top = img[p] + fx * (img[p + 1] - img[p]);
            float bottom = img[p + side] + fx * (img[p + side + 1] - img[p + side]);
            return top + fy * (bottom - top);
        }
        // On the border: the missing neighbours count as 0.
        float a = pixelOrZero(img, at, x0, y0);
        float b = pixelOrZero(img, at, x0 + 1, y0);
        float c = pixelOrZero(img, at, x0, y0 + 1);
        float d = pixelOrZero(img, at, x0 + 1, y0 + 1);
        float top = a + fx * (b - a);
        float bottom = c + fx * (d - c);
        return top + fy * (bottom - top);
    }

    private float pixelOrZero(float[] img, int at, int x, int y) {
        return x >= 0 && y >= 0 && x < side && y < side ? img[at + y * side + x] : 0f;
    }

    private void noise(float[] img, int at, SplittableRandom random) {
        GaussianTable.addClamped(img, at, pixels, (float) settings.noiseStd(), random);
    }

    private void erase(float[] img, int at, SplittableRandom random) {
        double area = pixels;
        for (int attempt = 0; attempt < ERASE_ATTEMPTS; attempt++) {
            double target = area * random.nextDouble(ERASE_MIN_AREA, ERASE_MAX_AREA);
            double ratio = Math.exp(random.nextDouble(ERASE_LOG_MIN_RATIO, ERASE_LOG_MAX_RATIO));
            int h = (int) Math.rint(Math.sqrt(target * ratio));
            int w = (int) Math.rint(Math.sqrt(target / ratio));
            if (h >= side || w >= side) {
                continue;
            }
            int top = random.nextInt(side - h + 1);
            int left = random.nextInt(side - w + 1);
            for (int r = top; r < top + h; r++) {
                Arrays.fill(img, at + r * side + left, at + r * side + left + w, 0f);
            }
            return;
        }
    }

    /** Mixes both inputs fully so that nearby seeds and keys give unrelated streams. */
    static long mix(long seed, long batchKey) {
        return Seeds.keyed(seed, batchKey);
    }
}
