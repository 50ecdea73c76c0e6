package org.trainlab.experiment.inside;

import java.util.List;

/**
 * A run's trained network, asked on demand (the drawn digit, feature maps of a picked held-out digit).
 * Opened from {@link TrainedWeights} by {@code org.trainlab.engine.probe.TrainedNetworks.open(weights)};
 * holds native memory until {@link #close()}. Thread-safe (calls are serialised); each call takes about
 * a millisecond for the CNN, so a background thread or even the FX thread for one image is fine.
 * Results are fresh copies.
 */
public interface TrainedNetwork extends AutoCloseable {

    /** Which run's weights, and after which epoch. */
    TrainedWeights weights();

    /**
     * Ten class probabilities (softmax, inference mode) for one image.
     *
     * @param pixels 28x28 row-major raw intensities 0..1, white digit on black, as
     *               {@code Dataset.copyImageAsFloat} gives and {@code org.trainlab.data.DrawnDigit#toMnist}
     *               returns; the run's normalization is applied here
     * @return probabilities summing to 1, index = digit
     * @throws IllegalArgumentException if {@code pixels} is not 784 values
     * @throws IllegalStateException    after {@link #close()}
     */
    double[] classify(float[] pixels);

    /**
     * As {@link #classify} for many images in one pass (much faster than one call per image: each call
     * has a fixed native cost of a few milliseconds).
     *
     * @param images each 784 raw intensities, as for {@link #classify}
     * @return one row of ten probabilities per image
     */
    double[][] classifyAll(List<float[]> images);

    /**
     * The output of every conv layer's ReLU for one image (conv1..conv3), inference mode; empty for
     * an MLP. Same pixels as {@link #classify}.
     */
    List<FeatureMap> featureMaps(float[] pixels);

    /** Frees the native memory; later calls throw {@link IllegalStateException}. Idempotent. */
    @Override
    void close();
}
