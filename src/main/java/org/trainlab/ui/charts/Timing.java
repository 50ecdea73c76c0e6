package org.trainlab.ui.charts;

/**
 * How often a piece of the window's work ran and how long it took: count, total and longest, added to
 * from any thread. The drain and the charts keep one each; the window harness prints them.
 */
public final class Timing {

    private long count;
    private long totalNanos;
    private long longestNanos;

    synchronized void add(long nanos) {
        count++;
        totalNanos += nanos;
        longestNanos = Math.max(longestNanos, nanos);
    }

    public synchronized long count() {
        return count;
    }

    public synchronized double meanMillis() {
        return count == 0 ? 0 : totalNanos / 1e6 / count;
    }

    public synchronized double longestMillis() {
        return longestNanos / 1e6;
    }
}
