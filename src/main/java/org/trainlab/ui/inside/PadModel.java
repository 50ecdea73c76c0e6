package org.trainlab.ui.inside;

import java.util.Arrays;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The draw-a-digit pad's ink: {@value #SIDE} x {@value #SIDE} values from 0 (paper) to 1 (ink), drawn
 * with a round brush {@value #BRUSH} pixels across with soft edges, as a thick pen on paper scanned the
 * way MNIST was. {@link #versionProperty()} counts changes, for the view and for classifying again.
 */
public final class PadModel {

    public static final int SIDE = 28;
    /** Brush diameter in pad pixels: MNIST strokes are about two to three pixels wide. */
    public static final double BRUSH = 2.6;

    private final float[] ink = new float[SIDE * SIDE];
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version");
    private boolean blank = true;

    /** A stroke from one point to another, in pad pixels (0 to {@value #SIDE}); FX thread. */
    public void stroke(double x0, double y0, double x1, double y1) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        int steps = Math.max(1, (int) Math.ceil(length / 0.25));
        for (int i = 0; i <= steps; i++) {
            double t = i / (double) steps;
            dab(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
        }
        blank = false;
        version.set(version.get() + 1);
    }

    private void dab(double cx, double cy) {
        double radius = BRUSH / 2;
        for (int r = Math.max(0, (int) Math.floor(cy - radius - 1)); r <= Math.min(SIDE - 1, (int) (cy + radius + 1)); r++) {
            for (int c = Math.max(0, (int) Math.floor(cx - radius - 1)); c <= Math.min(SIDE - 1, (int) (cx + radius + 1)); c++) {
                double d = Math.hypot(c + 0.5 - cx, r + 0.5 - cy);
                // full ink inside the brush, fading over one pixel at its edge
                float v = (float) Math.max(0, Math.min(1, radius + 0.5 - d));
                ink[r * SIDE + c] = Math.max(ink[r * SIDE + c], v);
            }
        }
    }

    public void clear() {
        Arrays.fill(ink, 0f);
        blank = true;
        version.set(version.get() + 1);
    }

    /** A copy of the ink, row by row. */
    public float[] pixels() {
        return ink.clone();
    }

    public boolean isBlank() {
        return blank;
    }

    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }
}
