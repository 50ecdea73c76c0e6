package org.trainlab.experiment.compare;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of paired differences {@code b[i] - a[i]} with a two-sided 95 % confidence interval from
 * Student's t over the pairs ({@code mean ± t(0.975, n-1) · sd / sqrt(n)}), and how many pairs point
 * each way. Pairs where either side is not a number (a diverged run's loss) are left out.
 *
 * @param pairs    how many pairs went in
 * @param mean     mean difference; NaN with no pairs
 * @param low      lower end of the 95 % interval; NaN with fewer than two pairs
 * @param high     upper end; NaN with fewer than two pairs
 * @param above    pairs with {@code b > a}
 * @param below    pairs with {@code b < a}
 */
public record PairedDifference(int pairs, double mean, double low, double high, int above, int below) {

    /** The confidence level of every interval here. */
    public static final double LEVEL = 0.95;

    /** @param a the reference's values, seed by seed; {@code b} the other's, in the same seed order */
    public static PairedDifference of(List<Double> a, List<Double> b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        int n = Math.min(a.size(), b.size());
        double[] d = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double x = a.get(i);
            double y = b.get(i);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                d[k++] = y - x;
            }
        }
        return ofDifferences(java.util.Arrays.copyOf(d, k));
    }

    /** From the differences themselves. */
    public static PairedDifference ofDifferences(double... d) {
        int n = d.length;
        if (n == 0) {
            return new PairedDifference(0, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        double sum = 0;
        int above = 0;
        int below = 0;
        for (double x : d) {
            sum += x;
            above += x > 0 ? 1 : 0;
            below += x < 0 ? 1 : 0;
        }
        double mean = sum / n;
        if (n < 2) {
            return new PairedDifference(n, mean, Double.NaN, Double.NaN, above, below);
        }
        double squares = 0;
        for (double x : d) {
            squares += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double half = tQuantile(n - 1) * sd / Math.sqrt(n);
        return new PairedDifference(n, mean, mean - half, mean + half, above, below);
    }

    /** The two-sided 95 % quantile of Student's t with {@code df} degrees of freedom (2.776 for 4). */
    public static double tQuantile(int df) {
        return new TDistribution(null, df).inverseCumulativeProbability(0.5 + LEVEL / 2);
    }

    /** An interval exists and lies wholly above or wholly below zero. */
    public boolean established() {
        return pairs >= 2 && (low > 0 || high < 0);
    }
}
