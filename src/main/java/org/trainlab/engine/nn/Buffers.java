package org.trainlab.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A layer's reusable work arrays, one per name. Each name owns one {@link Block} of native memory, grown
 * to the largest shape asked for and never shrunk, and hands out views of it, one per shape: the
 * training batch, an epoch's shorter last batch and the held-out chunks of evaluation all write into the
 * same memory, so after the first epoch a run allocates nothing here. Remaking the arrays at each change
 * of batch size (at least twice an epoch) fragmented glibc's heaps until 25 runs in a row had grown them
 * to gigabytes of mostly free memory (docs/performance.md, "Twelfth pass").
 *
 * <p>A view is valid until its name is asked for with a larger shape. Arrays asked for filled (zeros,
 * ones) are filled again whenever their shape differs from the last one asked for under that name.
 */
final class Buffers {

    private final Map<String, Block> blocks = new HashMap<>();
    private final Map<String, long[]> lastShapes = new HashMap<>();
    private DataType dataType = DataType.FLOAT;

    void dataType(DataType dataType) {
        if (dataType != this.dataType) {
            clear();
            this.dataType = dataType;
        }
    }

    DataType dataType() {
        return dataType;
    }

    INDArray get(String name, long... shape) {
        return array(name, shape, Fill.NONE);
    }

    INDArray zeros(String name, long... shape) {
        return array(name, shape, Fill.ZEROS);
    }

    INDArray ones(String name, long... shape) {
        return array(name, shape, Fill.ONES);
    }

    private enum Fill { NONE, ZEROS, ONES }

    private INDArray array(String name, long[] shape, Fill fill) {
        // a block remade to grow was last asked for with a smaller shape, so a filled array is filled again
        INDArray view = blocks.computeIfAbsent(name, n -> new Block()).view(dataType, shape);
        if (fill != Fill.NONE && !Arrays.equals(lastShapes.get(name), shape)) {
            Ops.set(view, fill == Fill.ONES ? 1 : 0);
        }
        lastShapes.put(name, shape.clone());
        return view;
    }

    /** How many bytes the arrays hold now. */
    long bytes() {
        return blocks.values().stream().mapToLong(Block::bytes).sum();
    }

    void clear() {
        blocks.values().forEach(Block::close);
        blocks.clear();
        lastShapes.clear();
    }
}
