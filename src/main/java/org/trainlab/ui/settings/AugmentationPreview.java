package org.trainlab.ui.settings;

import java.util.SplittableRandom;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.trainlab.data.Augmenter;
import org.trainlab.data.Dataset;
import org.trainlab.experiment.settings.AugmentationSettings;

/**
 * A few training digits as the augmentation would hand them to the network: the first row as
 * stored, the rows below as independent random draws, through the same {@link Augmenter} a run uses.
 * Cheap (a few dozen 28x28 images), so it is redrawn on the FX thread whenever a box is ticked.
 */
public final class AugmentationPreview {

    public static final int COLUMNS = 6;
    public static final int ROWS = 4;

    /**
     * @param pixels row after row of images, each {@code side*side} floats in [0, 1], row-major
     * @param labels the digit of each column
     */
    public record Images(float[] pixels, int[] labels, int side, int rows, int columns) {
        public int imageSize() {
            return side * side;
        }
    }

    private final ReadOnlyObjectWrapper<Images> images = new ReadOnlyObjectWrapper<>(this, "images");
    private Dataset digits;
    private AugmentationSettings settings;
    private long seed = 1;
    private int first;

    public ReadOnlyObjectProperty<Images> imagesProperty() {
        return images.getReadOnlyProperty();
    }

    /** Draws other digits with other random warps. */
    public void shuffle() {
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        seed = random.nextLong();
        if (digits != null) {
            first = random.nextInt(Math.max(1, digits.size() - COLUMNS));
        }
        redraw();
    }

    void setDigits(Dataset digits) {
        this.digits = digits;
        redraw();
    }

    /** @param settings valid augmentation settings; invalid ones keep the last picture */
    void setSettings(AugmentationSettings settings) {
        if (settings.equals(this.settings)) {
            return; // the same picture: loading a run with the panel's augmentation redraws nothing
        }
        this.settings = settings;
        redraw();
    }

    private void redraw() {
        if (digits == null || settings == null || digits.size() < COLUMNS) {
            return;
        }
        Augmenter augmenter;
        try {
            augmenter = new Augmenter(settings, digits.rows());
        } catch (IllegalArgumentException outOfRange) {
            return; // the field shows the problem; the picture waits for a good value
        }
        int size = digits.imageSize();
        float[] pixels = new float[ROWS * COLUMNS * size];
        int[] labels = new int[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            labels[c] = digits.label(first + c);
        }
        for (int r = 0; r < ROWS; r++) {
            int rowStart = r * COLUMNS * size;
            for (int c = 0; c < COLUMNS; c++) {
                digits.copyImageAsFloat(first + c, pixels, rowStart + c * size);
            }
            if (r > 0) {
                augmenter.augmentBatch(pixels, rowStart, COLUMNS, seed, r);
            }
        }
        images.set(new Images(pixels, labels, digits.rows(), ROWS, COLUMNS));
    }
}
