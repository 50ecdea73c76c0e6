package org.trainlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainlab.engine.NativeRuntime;
import org.trainlab.experiment.settings.InitKind;

/**
 * The first layer's weight and bias gradients, made without an input gradient (im2col and one matrix
 * product), against libnd4j's {@code conv2d_bp}, which the other layers use: float and double, one and
 * several input channels, and a batch of another size after the first (the last batch of an epoch), given
 * as a view into a larger array.
 */
class Conv2dTest {

    @BeforeAll
    static void load() {
        NativeRuntime.ensureLoaded();
    }

    @ParameterizedTest(name = "{0}, {1} input channels, kernel {2}")
    @CsvSource({"FLOAT,1,3", "DOUBLE,1,3", "FLOAT,3,3", "DOUBLE,2,5"})
    void firstLayerGradientsEqualConv2dBp(DataType type, int channels, int kernel) {
        Conv2d conv = new Conv2d(8, kernel);
        conv.configure(new long[] {11, 9, channels}, type);
        long weights = conv.weightCount(), others = conv.otherParamCount();
        INDArray params = Nd4j.zeros(type, weights + others);
        INDArray grads = Nd4j.zeros(type, weights + others);
        conv.bind(params.get(interval(0, weights)), grads.get(interval(0, weights)),
                params.get(interval(weights, weights + others)), grads.get(interval(weights, weights + others)));
        conv.initialize(new WeightInit(InitKind.HE_NORMAL, 0), new SplittableRandom(4));
        SplittableRandom random = new SplittableRandom(9);
        params.get(interval(weights, weights + others)).assign(values(random, type, others));
        for (int batch : new int[] {6, 6, 4, 6}) {
            // the smaller batch as a view into a larger array, as a slice of the data would be
            INDArray x = batch == 4 ? values(random, type, batch + 2, 11, 9, channels).get(interval(1, batch + 1),
                    org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()) : values(random, type, batch, 11, 9, channels);
            INDArray gradOut = values(random, type, batch, 11, 9, 8);

            conv.forward(x, true, null);
            assertNull(conv.backward(gradOut, false), "no input gradient for the first layer");
            double[] ours = grads.toDoubleVector();

            conv.forward(x, true, null);
            conv.backward(gradOut, true);
            double[] bp = grads.toDoubleVector();

            double tolerance = type == DataType.FLOAT ? 1e-4 : 1e-10;
            for (int i = 0; i < bp.length; i++) {
                assertEquals(bp[i], ours[i], tolerance * (1 + Math.abs(bp[i])),
                        (i < weights ? "weight " : "bias ") + i + ", batch of " + batch);
            }
        }
    }

    /** Values in [-0.5, 0.5) from this test's own generator (ND4J's is shared with the other tests). */
    private static INDArray values(SplittableRandom random, DataType type, long... shape) {
        double[] v = random.doubles(java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b), -0.5, 0.5).toArray();
        return Nd4j.create(v, shape, type);
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex interval(long from, long to) {
        return org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to);
    }
}
