package org.trainlab.data;

/**
 * Turns a digit drawn on a pad into an image like MNIST's, the way MNIST's were made: the stroke's
 * bounding box is scaled to fit a 20x20 box keeping its aspect ratio (area-averaged, so anti-aliased), then
 * placed in a 28x28 image so that its centre of mass is at the image's centre (14, 14). A pure function.
 */
public final class DrawnDigit {

    public static final int SIDE = 28;
    public static final int BOX = 20;
    /** Pixels at or below this intensity do not count as stroke when finding the bounding box. */
    static final float INK = 0.01f;

    private DrawnDigit() {
    }

    /**
     * @param pad    row-major intensities, 0 = background, 1 = full ink (values are clamped to 0..1)
     * @param width  pad columns
     * @param height pad rows
     * @return 28x28 row-major intensities 0..1; all zeros for an empty pad
     * @throws IllegalArgumentException if the pad's size does not match {@code width * height}
     */
    public static float[] toMnist(float[] pad, int width, int height) {
        if (pad == null || width <= 0 || height <= 0 || pad.length != width * height) {
            throw new IllegalArgumentException("a drawn pad of " + width + "x" + height + " needs " + width * height
                    + " values, got " + (pad == null ? "none" : pad.length));
        }
        int top = height, bottom = -1, left = width, right = -1;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (clamp(pad[r * width + c]) > INK) {
                    top = Math.min(top, r);
                    bottom = Math.max(bottom, r);
                    left = Math.min(left, c);
                    right = Math.max(right, c);
                }
            }
        }
        float[] out = new float[SIDE * SIDE];
        if (bottom < 0) {
            return out;
        }
        int boxW = right - left + 1, boxH = bottom - top + 1;
        double scale = (double) BOX / Math.max(boxW, boxH);
        int w = Math.max(1, (int) Math.round(boxW * scale));
        int h = Math.max(1, (int) Math.round(boxH * scale));
        float[] small = resize(pad, width, left, top, boxW, boxH, w, h);
        // centre of mass of the scaled stroke
        double mass = 0, sumR = 0, sumC = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double v = small[r * w + c];
                mass += v;
                sumR += v * (r + 0.5);
                sumC += v * (c + 0.5);
            }
        }
        double comR = mass > 0 ? sumR / mass : h / 2.0;
        double comC = mass > 0 ? sumC / mass : w / 2.0;
        int offR = (int) Math.round(SIDE / 2.0 - comR);
        int offC = (int) Math.round(SIDE / 2.0 - comC);
        for (int r = 0; r < h; r++) {
            int tr = r + offR;
            if (tr < 0 || tr >= SIDE) {
                continue;
            }
            for (int c = 0; c < w; c++) {
                int tc = c + offC;
                if (tc >= 0 && tc < SIDE) {
                    out[tr * SIDE + tc] = small[r * w + c];
                }
            }
        }
        return out;
    }

    /** Area-averaging resize of the box (left, top, boxW, boxH) of the pad to w x h: each target pixel is the mean of the source area it covers. */
    private static float[] resize(float[] pad, int width, int left, int top, int boxW, int boxH, int w, int h) {
        float[] out = new float[w * h];
        double sx = (double) boxW / w, sy = (double) boxH / h;
        for (int r = 0; r < h; r++) {
            double y0 = r * sy, y1 = (r + 1) * sy;
            for (int c = 0; c < w; c++) {
                double x0 = c * sx, x1 = (c + 1) * sx;
                double sum = 0, area = 0;
                for (int yr = (int) Math.floor(y0); yr < Math.min(boxH, Math.ceil(y1)); yr++) {
                    double fy = Math.min(y1, yr + 1) - Math.max(y0, yr);
                    if (fy <= 0) {
                        continue;
                    }
                    for (int xc = (int) Math.floor(x0); xc < Math.min(boxW, Math.ceil(x1)); xc++) {
                        double fx = Math.min(x1, xc + 1) - Math.max(x0, xc);
                        if (fx <= 0) {
                            continue;
                        }
                        sum += fx * fy * clamp(pad[(top + yr) * width + left + xc]);
                        area += fx * fy;
                    }
                }
                out[r * w + c] = area > 0 ? (float) Math.min(1, sum / area) : 0;
            }
        }
        return out;
    }

    private static float clamp(float v) {
        return Float.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    /** Centre of mass (row, column) of a 28x28 image in pixel-centre coordinates; (NaN, NaN) when empty. */
    public static double[] centreOfMass(float[] image) {
        double mass = 0, sumR = 0, sumC = 0;
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                double v = image[r * SIDE + c];
                mass += v;
                sumR += v * (r + 0.5);
                sumC += v * (c + 0.5);
            }
        }
        return mass == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {sumR / mass, sumC / mass};
    }
}
