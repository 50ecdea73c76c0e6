package org.trainlab.engine.nn;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.trainlab.engine.NativeRuntime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class BuffersTest {

    @BeforeAll
    static void load() {
        NativeRuntime.ensureLoaded();
    }

    @Test
    void aSmallerShapeIsAViewOfTheLargerOnesMemory() {
        Buffers buffers = new Buffers();
        try {
            INDArray large = buffers.get("out", 4, 3);
            Ops.set(large, 7);
            INDArray small = buffers.get("out", 2, 3);
            assertEquals(4 * 3 * 4, buffers.bytes(), "no second array");
            assertArrayEquals(new long[] {2, 3}, small.shape());
            Ops.set(small, 1);
            assertEquals(6 + 6 * 7, large.sumNumber().doubleValue(), 1e-9, "the small view is the large one's start");
            assertSame(small, buffers.get("out", 2, 3), "views are kept per shape");
            buffers.get("out", 5, 3);
            assertEquals(5 * 3 * 4, buffers.bytes(), "a larger shape grows the memory, the old is freed");
        } finally {
            buffers.clear();
        }
        assertEquals(0, buffers.bytes());
    }

    @Test
    void filledArraysAreFilledAgainWhenTheirShapeChanges() {
        Buffers buffers = new Buffers();
        try {
            INDArray ones = buffers.ones("ones", 1, 8);
            assertEquals(8, ones.sumNumber().doubleValue(), 1e-9);
            Ops.set(ones, 3); // the same shape again: the array as it was left
            assertEquals(24, buffers.ones("ones", 1, 8).sumNumber().doubleValue(), 1e-9);
            assertEquals(4, buffers.ones("ones", 1, 4).sumNumber().doubleValue(), 1e-9);
            assertEquals(8, buffers.ones("ones", 1, 8).sumNumber().doubleValue(), 1e-9, "back to eight: filled again");
            INDArray zeros = buffers.zeros("zeros", 6);
            Ops.set(buffers.get("scratch", 6), 5); // another name: its own memory
            assertEquals(0, zeros.sumNumber().doubleValue(), 1e-9);
        } finally {
            buffers.clear();
        }
    }
}
