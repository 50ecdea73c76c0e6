package org.trainlab.experiment.inside;

import java.util.Arrays;

/**
 * The first conv layer's filters as numbers (the CNN's 16 of 3x3; input channel 1).
 * {@code values[(f * height + row) * width + col]}. The array is copied in and out.
 *
 * @param count  filters
 * @param height kernel rows
 * @param width  kernel columns
 * @param values weights, filter after filter, row-major
 */
public record FilterBank(int count, int height, int width, float[] values) {

    public FilterBank {
        if (values == null || values.length != count * height * width) {
            throw new IllegalArgumentException("a filter bank of " + count + " filters of " + height + "x" + width
                    + " needs " + count * height * width + " values");
        }
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** Weight {@code (row, col)} of filter {@code f}. */
    public float value(int f, int row, int col) {
        return values[(f * height + row) * width + col];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilterBank b && count == b.count && height == b.height && width == b.width
                && Arrays.equals(values, b.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + count;
    }

    @Override
    public String toString() {
        return "FilterBank[" + count + " of " + height + "x" + width + "]";
    }
}
