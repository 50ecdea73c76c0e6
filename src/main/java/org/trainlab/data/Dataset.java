package org.trainlab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled greyscale images kept as unsigned bytes (a quarter of the memory of floats): pixels are
 * row-major, image after image. The constructor takes ownership of the arrays and nothing here
 * writes to them, so a Dataset can be shared between threads.
 */
public final class Dataset {

    public static final int DEFAULT_CLASSES = 10;

    private final String name;
    private final int rows;
    private final int cols;
    private final byte[] pixels;
    private final byte[] labels;
    private final int classes;

    public Dataset(String name, int rows, int cols, byte[] pixels, byte[] labels, int classes) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(name + ": image size must be positive, was " + rows + "x" + cols);
        }
        if (classes < 1 || classes > 256) {
            throw new IllegalArgumentException(name + ": classes must be in 1..256, was " + classes);
        }
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel bytes do not hold "
                    + labels.length + " images of " + rows + "x" + cols);
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xff) >= classes) {
                throw new IllegalArgumentException(name + ": label " + (labels[i] & 0xff) + " of image " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
        this.classes = classes;
    }

    /** Reads an image file and its label file and checks that they describe the same images. */
    public static Dataset fromIdx(Path images, Path labels, String name) throws IOException {
        IdxReader.Images read = IdxReader.readImages(images);
        byte[] labelBytes = IdxReader.readLabels(labels, DEFAULT_CLASSES);
        if (labelBytes.length != read.count()) {
            throw new IdxFormatException(images.getFileName() + " holds " + read.count() + " images but "
                    + labels.getFileName() + " holds " + labelBytes.length + " labels");
        }
        return new Dataset(name, read.rows(), read.cols(), read.pixels(), labelBytes, DEFAULT_CLASSES);
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int classes() {
        return classes;
    }

    public int size() {
        return labels.length;
    }

    public int imageSize() {
        return rows * cols;
    }

    /** The pixel as 0..255. */
    public int pixel(int index, int row, int col) {
        Objects.checkIndex(index, size());
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return pixels[index * imageSize() + row * cols + col] & 0xff;
    }

    public int label(int index) {
        return labels[index] & 0xff;
    }

    /** Writes image {@code index} as {@code rows*cols} floats in [0, 1] starting at {@code dst[offset]}. */
    public void copyImageAsFloat(int index, float[] dst, int offset) {
        Objects.checkIndex(index, size());
        int n = imageSize();
        Objects.checkFromIndexSize(offset, n, dst.length);
        int src = index * n;
        for (int k = 0; k < n; k++) {
            dst[offset + k] = (pixels[src + k] & 0xff) * (1f / 255f);
        }
    }

    /** How many images carry each label. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (byte label : labels) {
            counts[label & 0xff]++;
        }
        return counts;
    }

    /** How many pixels have each byte value 0..255; the basis of exact pixel statistics. */
    public long[] pixelHistogram() {
        long[] histogram = new long[256];
        for (byte p : pixels) {
            histogram[p & 0xff]++;
        }
        return histogram;
    }

    /** The first {@code n} images (all of them when n is at least the size). */
    public Dataset prefix(int n) {
        if (n < 0) {
            throw new IllegalArgumentException(name + ": prefix length must not be negative, was " + n);
        }
        return n >= size() ? this : slice(0, n, name);
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive) as a new dataset with its own arrays. */
    public Dataset slice(int from, int to, String sliceName) {
        Objects.checkFromToIndex(from, to, size());
        int n = imageSize();
        return new Dataset(sliceName, rows, cols,
                Arrays.copyOfRange(pixels, from * n, to * n),
                Arrays.copyOfRange(labels, from, to), classes);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " images of " + rows + "x" + cols + ", " + classes + " classes)";
    }
}
