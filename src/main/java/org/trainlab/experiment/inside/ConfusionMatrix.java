package org.trainlab.experiment.inside;

import java.util.Arrays;
import java.util.Objects;

/**
 * Held-out confusion matrix as counts: {@code counts[trueClass][predictedClass]} images, in inference
 * mode, over the whole held-out set. Square; the array is copied in and out.
 *
 * @param counts rows are the true class, columns the predicted class
 */
public record ConfusionMatrix(int[][] counts) {

    public ConfusionMatrix {
        Objects.requireNonNull(counts, "counts");
        int n = counts.length;
        int[][] copy = new int[n][];
        for (int i = 0; i < n; i++) {
            if (counts[i] == null || counts[i].length != n) {
                throw new IllegalArgumentException("confusion matrix row " + i + " must have " + n + " counts");
            }
            for (int c : counts[i]) {
                if (c < 0) {
                    throw new IllegalArgumentException("confusion matrix row " + i + " has a negative count " + c);
                }
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /** An all-zero matrix for {@code classes} classes. */
    public static ConfusionMatrix empty(int classes) {
        return new ConfusionMatrix(new int[classes][classes]);
    }

    /** A copy of the counts. */
    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public int classes() {
        return counts.length;
    }

    /** Images of class {@code trueClass} predicted as {@code predicted}. */
    public int count(int trueClass, int predicted) {
        return counts[trueClass][predicted];
    }

    /** Images whose true class is {@code trueClass}. */
    public int rowTotal(int trueClass) {
        return Arrays.stream(counts[trueClass]).sum();
    }

    /** The cell as a fraction of its row (row-normalised colour); 0 for an empty row. */
    public double rowFraction(int trueClass, int predicted) {
        int total = rowTotal(trueClass);
        return total == 0 ? 0 : (double) counts[trueClass][predicted] / total;
    }

    /** All images counted. */
    public int total() {
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).sum();
    }

    /** Images on the diagonal. */
    public int correct() {
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i][i];
        }
        return sum;
    }

    /** This matrix minus {@code other} cell by cell (e.g. what augmentation fixed: negative off-diagonal cells). */
    public int[][] minus(ConfusionMatrix other) {
        if (other.classes() != classes()) {
            throw new IllegalArgumentException("matrices differ in size: " + classes() + " and " + other.classes());
        }
        int[][] d = new int[counts.length][counts.length];
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                d[i][j] = counts[i][j] - other.counts[i][j];
            }
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + Arrays.deepToString(counts);
    }
}
