package org.trainlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.trainlab.engine.NativeRuntime;
import org.trainlab.experiment.settings.InitKind;

/**
 * Batch norm's float training passes (native: per-channel sums as matrix products over blocks of rows,
 * {@code squaredsubtract}, oneDNN's per-channel map) against its double ones (plain loops in double, which
 * {@link Dl4jEquivalenceTest} and {@link GradientCheckTest} hold to DL4J and to finite differences): outputs,
 * running statistics, scale and shift gradients and input gradients. The shapes are the tutorial's, with
 * smaller batches after them (an epoch's last, whose rows split into other blocks), small ones that take
 * the plain loops, an input given as a view into a larger array, and activations whose mean lies far from
 * zero, where a float sum of squares less the squared mean lost digits.
 */
class BatchNormTest {

    @BeforeAll
    static void load() {
        NativeRuntime.ensureLoaded();
    }

    @ParameterizedTest(name = "[{0}, {1}, {2}] images of {3} channels, mean {4}")
    @CsvSource({"64,28,28,16,0", "64,28,28,32,3", "64,14,14,64,0", "7,5,3,3,-2", "250,28,28,32,0.5"})
    void floatPassesEqualTheDoubleOnes(int batch, int height, int width, int channels, double mean) {
        compare(new long[] {height, width, channels}, new int[] {batch, batch, Math.max(1, batch / 3)}, mean);
    }

    @Test
    void featureVectorsToo() {
        compare(new long[] {128}, new int[] {64, 64, 17}, 1);
        compare(new long[] {10}, new int[] {3, 2}, 0);
    }

    private static void compare(long[] shape, int[] batches, double mean) {
        Pair f = new Pair(shape, DataType.FLOAT), d = new Pair(shape, DataType.DOUBLE);
        SplittableRandom random = new SplittableRandom(11);
        double[] params = random.doubles(f.others, 0.5, 1.5).toArray();
        f.params.assign(Nd4j.create(params, new long[] {params.length}, DataType.FLOAT));
        d.params.assign(Nd4j.create(params, new long[] {params.length}, DataType.DOUBLE));
        for (int batch : batches) {
            long[] full = Layer.withBatch(batch, shape);
            long n = Layer.product(full);
            double[] x = random.doubles(n, mean - 1, mean + 1).toArray();
            double[] dy = random.doubles(n, -1, 1).toArray();
            // the float input as a view of a larger array, as a slice of the data would be
            long[] larger = Layer.withBatch(batch + 1, shape);
            double[] padded = new double[(int) (n + n / batch)];
            System.arraycopy(x, 0, padded, (int) (n / batch), (int) n);
            INDArray floatX = Nd4j.create(padded, larger, DataType.FLOAT).get(NDArrayIndex.interval(1, batch + 1));
            INDArray floatOut = f.layer.forward(floatX, true, null);
            INDArray doubleOut = d.layer.forward(Nd4j.create(x, full, DataType.DOUBLE), true, null);
            close(flat(doubleOut), flat(floatOut), 1e-5, "output, batch " + batch);
            close(d.layer.state().toDoubleVector(), f.layer.state().toDoubleVector(), 1e-5, "running statistics");

            INDArray floatIn = f.layer.backward(Nd4j.create(dy, full, DataType.FLOAT), true);
            INDArray doubleIn = d.layer.backward(Nd4j.create(dy, full, DataType.DOUBLE), true);
            close(flat(doubleIn), flat(floatIn), 1e-5, "input gradient, batch " + batch);
            close(d.grads.toDoubleVector(), f.grads.toDoubleVector(), 2e-5, "scale and shift gradients, batch " + batch);
        }
    }

    private static double[] flat(INDArray a) {
        return a.reshape(a.length()).toDoubleVector();
    }

    /** Equal within {@code tolerance} relative to the largest value's size (the float rounding of a sum). */
    private static void close(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * Math.max(1, scale), what + " at " + i);
        }
    }

    /** A batch-norm layer bound to parameters and gradients of its own. */
    private static final class Pair {
        final BatchNorm layer = new BatchNorm();
        final long others;
        final INDArray params, grads;

        Pair(long[] shape, DataType type) {
            layer.configure(shape, type);
            others = layer.otherParamCount();
            params = Nd4j.zeros(type, others);
            grads = Nd4j.zeros(type, others);
            layer.bind(Nd4j.zeros(type, 1), Nd4j.zeros(type, 1), params, grads);
            layer.initialize(new WeightInit(InitKind.HE_NORMAL, 0), new SplittableRandom(1));
        }
    }
}
