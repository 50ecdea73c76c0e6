package org.trainlab.data;

import java.io.IOException;
import java.io.InputStream;

/**
 * The 10,000 real MNIST digits shipped inside the jar (assets/datasets), so every checkout trains
 * offline. The first 8,000 are the training split, the last 2,000 the fixed held-out split; the
 * files were shuffled once, so any prefix of the training split is roughly class-balanced.
 */
public final class BundledDigits {

    public static final String IMAGES_RESOURCE = "/assets/datasets/mnist10k-images-idx3-ubyte.gz";
    public static final String LABELS_RESOURCE = "/assets/datasets/mnist10k-labels-idx1-ubyte.gz";
    public static final int TOTAL = 10_000;
    public static final int TRAIN_SIZE = 8_000;
    public static final int TEST_SIZE = TOTAL - TRAIN_SIZE;

    // Parsed once per JVM: a run, its comparison runs and the tests all share the same arrays.
    private static Dataset all;
    private static DatasetSplit split;

    private BundledDigits() {
    }

    /** The fixed 8,000 / 2,000 split. */
    public static synchronized DatasetSplit load() throws IOException {
        if (split == null) {
            Dataset digits = all();
            split = new DatasetSplit(
                    digits.slice(0, TRAIN_SIZE, "Bundled digits train"),
                    digits.slice(TRAIN_SIZE, TOTAL, "Bundled digits test"));
        }
        return split;
    }

    /** All 10,000 digits in file order. */
    public static synchronized Dataset all() throws IOException {
        if (all == null) {
            all = parse();
        }
        return all;
    }

    private static Dataset parse() throws IOException {
        IdxReader.Images images;
        byte[] labels;
        try (InputStream in = open(IMAGES_RESOURCE)) {
            images = IdxReader.readImages(in, IMAGES_RESOURCE);
        }
        try (InputStream in = open(LABELS_RESOURCE)) {
            labels = IdxReader.readLabels(in, LABELS_RESOURCE, Dataset.DEFAULT_CLASSES);
        }
        if (images.count() != TOTAL || labels.length != TOTAL) {
            throw new IdxFormatException("bundled digits: expected " + TOTAL + " images and labels, found "
                    + images.count() + " images in " + IMAGES_RESOURCE + " and " + labels.length
                    + " labels in " + LABELS_RESOURCE);
        }
        return new Dataset("Bundled digits", images.rows(), images.cols(), images.pixels(), labels,
                Dataset.DEFAULT_CLASSES);
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = BundledDigits.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("classpath resource " + resource
                    + " not found: the build copies assets/ into the jar, is it missing?");
        }
        return in;
    }
}
