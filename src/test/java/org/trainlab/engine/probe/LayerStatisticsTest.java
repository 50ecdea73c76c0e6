package org.trainlab.engine.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.FloatBuffer;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The activation figures read in place are the ones a copy onto the heap gives, to the bit. */
class LayerStatisticsTest {

    @Test
    void activationsReadInPlaceGiveTheCopysFiguresToTheBit() {
        Random random = new Random(7);
        float[] pixels = new float[3 * 28 * 28 * 16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        INDArray raw = Nd4j.create(pixels, new long[] {3, 28, 28, 16}, DataType.FLOAT);
        INDArray relu = Transforms.relu(raw, true); // an op's own output, with exact zeros in it
        for (INDArray a : new INDArray[] {raw, relu, raw.castTo(DataType.DOUBLE)}) {
            float[] copy = a.data().asFloat();
            FloatBuffer inPlace = LayerStatistics.values(a);
            assertEquals(a.dataType() == DataType.FLOAT, inPlace.isDirect(), "floats are read where they lie, not copied");
            assertEquals(copy.length, inPlace.remaining());
            float[] read = new float[copy.length];
            inPlace.duplicate().get(read);
            assertArrayEquals(copy, read);
            assertArrayEquals(LayerStatistics.meanStdZeros(FloatBuffer.wrap(copy)), LayerStatistics.meanStdZeros(inPlace), 0.0);
            assertArrayEquals(LayerStatistics.meanStdZeros(FloatBuffer.wrap(copy)), LayerStatistics.meanStdZeros(a), 0.0);
        }
        double[] figures = LayerStatistics.meanStdZeros(relu);
        assertEquals(0.5, figures[2], 0.02, "about half the values of a ReLU of a Gaussian are zero");
    }

    @Test
    void aBufferPartWayInCountsOnlyWhatRemains() {
        FloatBuffer values = FloatBuffer.wrap(new float[] {9, 0, 2, 4});
        values.position(1);
        assertArrayEquals(new double[] {2, Math.sqrt(8.0 / 3), 1.0 / 3}, LayerStatistics.meanStdZeros(values), 1e-12);
    }

    @Test
    void aCopyFillsTheArrayItIsGivenWhenItFitsAndIsTheArraysValues() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 7, 11);
        float[] first = LayerStatistics.copy(a, null);
        assertArrayEquals(a.data().asFloat(), first);
        a.muli(2);
        float[] second = LayerStatistics.copy(a, first);
        assertSame(first, second, "an array of the right length is reused");
        assertArrayEquals(a.data().asFloat(), second);
        float[] other = LayerStatistics.copy(a, new float[3]);
        assertEquals(77, other.length, "a wrong length gets a new array");
        assertArrayEquals(a.data().asFloat(), other);
        INDArray doubles = Nd4j.rand(DataType.DOUBLE, 5);
        assertArrayEquals(doubles.data().asFloat(), LayerStatistics.copy(doubles, null), "other types as asFloat gives them");
    }
}
