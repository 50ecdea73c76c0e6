package org.trainlab.experiment.inside;

import java.util.Arrays;
import java.util.Objects;

/**
 * A histogram as counts: bin {@code i} holds the values in {@code [edges[i], edges[i+1])}, the last bin
 * includes its upper edge. {@code edges.length == counts.length + 1}. Arrays are copied in and out.
 *
 * @param edges     bin edges, ascending
 * @param counts    values per bin
 * @param nonFinite values that were NaN or infinite and so fall in no bin (a diverged run)
 */
public record Histogram(double[] edges, long[] counts, long nonFinite) {

    public Histogram {
        Objects.requireNonNull(edges, "edges");
        Objects.requireNonNull(counts, "counts");
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException("a histogram needs one edge more than bins: " + edges.length
                    + " edges, " + counts.length + " bins");
        }
        edges = edges.clone();
        counts = counts.clone();
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    /** Values counted in bins plus the non-finite ones: the size of the tensor. */
    public long total() {
        return Arrays.stream(counts).sum() + nonFinite;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Arrays.equals(edges, h.edges) && Arrays.equals(counts, h.counts)
                && nonFinite == h.nonFinite;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(edges) + Arrays.hashCode(counts)) + Long.hashCode(nonFinite);
    }

    @Override
    public String toString() {
        return "Histogram[edges=" + Arrays.toString(edges) + ", counts=" + Arrays.toString(counts)
                + ", nonFinite=" + nonFinite + "]";
    }
}
