package org.trainlab.engine.nn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One block of native memory, grown to the largest size asked for and never shrunk, that hands out
 * views of its start, one per shape (cached). Growing remakes the block: the views handed out before
 * are then invalid. Closing frees the memory; the block can be grown again after.
 */
final class Block {

    private INDArray memory;
    private final Map<Shape, INDArray> views = new HashMap<>();

    /** Makes the block hold at least {@code elements} of {@code type}; true if it was remade. */
    boolean reserve(DataType type, long elements) {
        if (memory != null && memory.length() >= elements && memory.dataType() == type) {
            return false;
        }
        close();
        memory = Nd4j.createUninitialized(type, Math.max(1, elements));
        return true;
    }

    /** A view of the block's first elements with this shape, the block grown first if it is too small. */
    INDArray view(DataType type, long[] shape) {
        long elements = 1;
        for (long d : shape) {
            elements *= d;
        }
        reserve(type, elements);
        INDArray all = memory;
        long n = elements;
        return views.computeIfAbsent(new Shape(shape.clone()),
                s -> all.get(NDArrayIndex.interval(0, n)).reshape('c', s.dims()));
    }

    /** Bytes the block holds. */
    long bytes() {
        return memory == null ? 0 : memory.length() * memory.dataType().width();
    }

    void close() {
        views.clear();
        if (memory != null) {
            memory.close();
            memory = null;
        }
    }

    private record Shape(long[] dims) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && Arrays.equals(s.dims, dims);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(dims);
        }
    }
}
