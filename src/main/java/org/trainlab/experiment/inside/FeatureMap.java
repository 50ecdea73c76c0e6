package org.trainlab.experiment.inside;

import java.util.Arrays;

/**
 * One conv layer's output for one image, after its ReLU, inference mode.
 * {@code values[(channel * height + row) * width + col]} (channel-major, so one channel is one
 * contiguous image). The array is copied in and out.
 *
 * @param layer    "conv1".."conv3"
 * @param channels feature maps
 * @param height   rows of each map (28 for conv1, conv2; 14 for conv3)
 * @param width    columns of each map
 * @param values   activations
 */
public record FeatureMap(String layer, int channels, int height, int width, float[] values) {

    public FeatureMap {
        if (values == null || values.length != channels * height * width) {
            throw new IllegalArgumentException("feature maps of " + layer + " need " + channels * height * width + " values");
        }
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** Activation at {@code (row, col)} of {@code channel}. */
    public float value(int channel, int row, int col) {
        return values[(channel * height + row) * width + col];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureMap m && layer.equals(m.layer) && channels == m.channels && height == m.height
                && width == m.width && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + layer.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureMap[" + layer + ", " + channels + " of " + height + "x" + width + "]";
    }
}
