package org.trainlab.ui.inside;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * What the window reads from confusion matrices (counts, true class by row, predicted class by column)
 * and from the examples behind them: row shares for the colours, the examples of one cell, worst first,
 * and what changed from one run's matrix to another's. Plain numbers; no toolkit.
 */
public final class ConfusionMath {

    private ConfusionMath() {
    }

    /** Count of (true, predicted) over its row's total: the colour of a cell; 0 for an empty row. */
    public static double rowShare(int[][] counts, int trueClass, int predicted) {
        int row = 0;
        for (int c : counts[trueClass]) {
            row += c;
        }
        return row == 0 ? 0 : counts[trueClass][predicted] / (double) row;
    }

    /** Share of all counted images on the diagonal; NaN when nothing was counted. */
    public static double accuracy(int[][] counts) {
        long right = 0;
        long all = 0;
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts[t].length; p++) {
                all += counts[t][p];
                if (t == p) {
                    right += counts[t][p];
                }
            }
        }
        return all == 0 ? Double.NaN : right / (double) all;
    }

    /**
     * Examples sorted by how sure the network was of its answer, most confident first: a wrong answer
     * given with 99% is worse (and more telling) than one given with 40%. Stable for equal confidences.
     */
    public static <T> List<T> worstFirst(List<T> examples, ToDoubleFunction<T> confidence) {
        List<T> sorted = new ArrayList<>(examples);
        sorted.sort(Comparator.comparingDouble(confidence).reversed());
        return sorted;
    }

    /** The examples behind one cell of the matrix (true class, predicted class), most confident first. */
    public static <T> List<T> inCell(List<T> examples, int trueClass, int predicted, ToIntFunction<T> trueOf,
                                     ToIntFunction<T> predictedOf, ToDoubleFunction<T> confidence) {
        List<T> in = examples.stream()
                .filter(e -> trueOf.applyAsInt(e) == trueClass && predictedOf.applyAsInt(e) == predicted)
                .toList();
        return worstFirst(in, confidence);
    }

    /** One confusion (true {@code t} taken for {@code p}) whose count changed from one run to another. */
    public record Change(int trueClass, int predicted, int before, int after) {
        public int delta() {
            return after - before;
        }
    }

    /**
     * The off-diagonal cells whose counts differ between {@code before} and {@code after}: the ones that
     * went down (fixed) and the ones that went up (broken), each largest change first.
     */
    public record Difference(List<Change> fixed, List<Change> broken) {
        public int fixedCount() {
            return fixed.stream().mapToInt(c -> -c.delta()).sum();
        }

        public int brokenCount() {
            return broken.stream().mapToInt(Change::delta).sum();
        }
    }

    public static Difference difference(int[][] before, int[][] after) {
        if (before.length != after.length) {
            throw new IllegalArgumentException("matrices of " + before.length + " and " + after.length
                    + " classes cannot be compared");
        }
        List<Change> fixed = new ArrayList<>();
        List<Change> broken = new ArrayList<>();
        for (int t = 0; t < before.length; t++) {
            for (int p = 0; p < before.length; p++) {
                if (t == p || before[t][p] == after[t][p]) {
                    continue;
                }
                Change change = new Change(t, p, before[t][p], after[t][p]);
                (change.delta() < 0 ? fixed : broken).add(change);
            }
        }
        fixed.sort(Comparator.comparingInt(Change::delta).thenComparingInt(Change::trueClass)
                .thenComparingInt(Change::predicted));
        broken.sort(Comparator.comparingInt((Change c) -> -c.delta()).thenComparingInt(Change::trueClass)
                .thenComparingInt(Change::predicted));
        return new Difference(List.copyOf(fixed), List.copyOf(broken));
    }
}
