package org.trainlab.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A layer's reusable work arrays, one per name. Asking for a name with another shape (the last, smaller
 * batch of an epoch) frees the old array and makes a new one, so a layer holds one batch's worth of
 * arrays whatever batch sizes it sees; a few reallocations an epoch cost far less than keeping a set
 * per batch size, four runs at once (docs/performance.md, memory).
 */
final class Buffers {

    private final Map<String, INDArray> arrays = new HashMap<>();
    private DataType dataType = DataType.FLOAT;

    void dataType(DataType dataType) {
        this.dataType = dataType;
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
        INDArray existing = arrays.get(name);
        if (existing != null) {
            if (Arrays.equals(existing.shape(), shape) && existing.dataType() == dataType) {
                return existing;
            }
            existing.close();
        }
        INDArray made = switch (fill) {
            case NONE -> Nd4j.createUninitialized(dataType, shape);
            case ZEROS -> Nd4j.zeros(dataType, shape);
            case ONES -> Nd4j.ones(dataType, shape);
        };
        arrays.put(name, made);
        return made;
    }

    /** How many bytes the arrays hold now. */
    long bytes() {
        return arrays.values().stream().mapToLong(a -> a.length() * a.dataType().width()).sum();
    }

    void clear() {
        arrays.values().forEach(INDArray::close);
        arrays.clear();
    }
}
