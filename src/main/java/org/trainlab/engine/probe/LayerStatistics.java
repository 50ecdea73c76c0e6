package org.trainlab.engine.probe;

import java.lang.ref.Reference;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.trainlab.experiment.inside.Histogram;

/**
 * The plain-number figures of the Inside view, computed on Java arrays the engine copied out, or on
 * activations where they lie.
 */
final class LayerStatistics {

    /** Bins of a weight histogram: odd, so 0 is the middle of the middle bin. */
    static final int BINS = 41;

    private LayerStatistics() {
    }

    /**
     * Histogram of {@code values[from, from + count)} in {@link #BINS} bins symmetric about 0, from
     * -max|v| to +max|v| (±1 when every value is 0); non-finite values are counted apart.
     */
    static Histogram histogram(float[] values, int from, int count) {
        double max = 0;
        for (int i = from; i < from + count; i++) {
            float v = values[i];
            if (Float.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        if (max == 0) {
            max = 1;
        }
        double[] edges = new double[BINS + 1];
        for (int b = 0; b <= BINS; b++) {
            edges[b] = -max + 2 * max * b / BINS;
        }
        edges[BINS] = max;
        long[] counts = new long[BINS];
        long nonFinite = 0;
        double scale = BINS / (2 * max);
        for (int i = from; i < from + count; i++) {
            float v = values[i];
            if (!Float.isFinite(v)) {
                nonFinite++;
                continue;
            }
            int bin = (int) ((v + max) * scale);
            counts[Math.max(0, Math.min(BINS - 1, bin))]++;
        }
        return new Histogram(edges, counts, nonFinite);
    }

    /**
     * Mean, population std and fraction of exact zeros of the buffer's remaining values, in order; NaNs
     * for no values. A buffer, so an activation's values are read where the array holds them, not
     * copied onto the heap (at every epoch's end; the first layer's output for a probe batch of 256 is
     * 12.8 MB).
     */
    static double[] meanStdZeros(FloatBuffer values) {
        int from = values.position(), n = values.remaining();
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double sum = 0;
        long zeros = 0;
        for (int i = from; i < from + n; i++) {
            float v = values.get(i);
            sum += v;
            if (v == 0) {
                zeros++;
            }
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = from; i < from + n; i++) {
            double d = values.get(i) - mean;
            squares += d * d;
        }
        return new double[] {mean, Math.sqrt(squares / n), (double) zeros / n};
    }

    /**
     * As {@link #meanStdZeros(FloatBuffer)}, of an activation's values read where the array holds them. The
     * array stays reachable until the figures are taken: a buffer over native memory does not keep the
     * memory alive, and ND4J frees an unreachable array's memory from another thread.
     */
    static double[] meanStdZeros(INDArray activation) {
        try {
            return meanStdZeros(values(activation));
        } finally {
            Reference.reachabilityFence(activation);
        }
    }

    /** An array's values in memory order, as {@code data().asFloat()} gives them, read in place when they are floats. */
    static FloatBuffer values(INDArray array) {
        DataBuffer data = array.data();
        if (data.dataType() != DataType.FLOAT) {
            return FloatBuffer.wrap(data.asFloat());
        }
        FloatBuffer all = data.asNioFloat();
        if (all.order() != ByteOrder.nativeOrder() || all.remaining() < data.length()) {
            return FloatBuffer.wrap(data.asFloat());
        }
        return all.slice().limit((int) data.length());
    }

    /**
     * An array's values in memory order, as {@code data().asFloat()} gives them, copied into {@code reuse}
     * when it has their length (else into a new array, returned): the probe copies the parameters and
     * gradients at every epoch, 1.7 MB each for the tutorial's CNN, and keeps its arrays from one epoch to
     * the next.
     */
    static float[] copy(INDArray array, float[] reuse) {
        try {
            FloatBuffer values = values(array);
            float[] target = reuse != null && reuse.length == values.remaining() ? reuse : new float[values.remaining()];
            values.get(target);
            return target;
        } finally {
            Reference.reachabilityFence(array);
        }
    }

    /** L2 norm of {@code values[from, from + count)}. */
    static double norm(float[] values, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += (double) values[i] * values[i];
        }
        return Math.sqrt(sum);
    }

    /** L2 norm of {@code after - before} over {@code [from, from + count)}. */
    static double differenceNorm(float[] after, float[] before, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            double d = (double) after[i] - before[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** log10(update / parameter): -Infinity for no update, NaN for zero (or non-finite) parameters. */
    static double log10Ratio(double update, double parameter) {
        if (!(parameter > 0) || !Double.isFinite(parameter) || !Double.isFinite(update)) {
            return Double.NaN;
        }
        return Math.log10(update / parameter);
    }
}
