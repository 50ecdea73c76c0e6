package org.trainlab.experiment.architecture;

/**
 * One layer of a network as {@link Architecture#of} lays it out, with the sizes an exporter writes
 * (the engine infers inputs from the shape it is built for, exporters spell them out).
 */
public sealed interface LayerSpec {

    /** A square convolution with stride 1 and "same" padding, so the image keeps its side. */
    record Conv(int in, int out, int kernel) implements LayerSpec {
        /** The padding that keeps the side: {@code kernel / 2}. */
        public int padding() {
            return kernel / 2;
        }
    }

    /** Batch norm (§7) over {@code features} channels ({@code spatial}) or features. */
    record BatchNorm(int features, boolean spatial) implements LayerSpec {
    }

    record Relu() implements LayerSpec {
    }

    /** Max pooling over {@code size} x {@code size} windows with stride {@code size}. */
    record MaxPool(int size) implements LayerSpec {
    }

    /** Dropout (§8) with drop probability {@code rate}; spatial dropout drops whole channels after convs. */
    record Dropout(double rate, boolean spatial) implements LayerSpec {
    }

    /** Images of {@code channels} x {@code height} x {@code width} become vectors. */
    record Flatten(int channels, int height, int width) implements LayerSpec {
        public int features() {
            return channels * height * width;
        }
    }

    /** A fully connected layer; the last one of a network gives the class scores (no activation follows it). */
    record Dense(int in, int out) implements LayerSpec {
    }
}
