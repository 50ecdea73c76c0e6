package org.trainlab.ui.charts;

/**
 * How often a piece of the window's work ran and how long it took: count, total and longest, added to
 * from any thread. The drain and the charts keep one each; the window harness prints them.
 */
public final class Timing {

    private long count;
    private long totalNanos;
    private long longestNanos;
    private long cpuNanos;

    synchronized void add(long nanos) {
        count++;
        totalNanos += nanos;
        longestNanos = Math.max(longestNanos, nanos);
    }

    /** As {@link #add(long)}, with the CPU time the thread spent in it (what a busy machine does not stretch). */
    synchronized void add(long nanos, long cpu) {
        add(nanos);
        cpuNanos += cpu;
    }

    public synchronized long count() {
        return count;
    }

    public synchronized double meanMillis() {
        return count == 0 ? 0 : totalNanos / 1e6 / count;
    }

    /** Mean CPU time, for the pieces timed with it; 0 otherwise. */
    public synchronized double meanCpuMillis() {
        return count == 0 ? 0 : cpuNanos / 1e6 / count;
    }

    public synchronized double longestMillis() {
        return longestNanos / 1e6;
    }
}
