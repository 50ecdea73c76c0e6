package org.trainlab.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A layer's reusable work arrays, one per (name, shape). A run sees at most three batch sizes (full
 * batches, the last partial batch, evaluation batches), so this stays small.
 */
final class Buffers {

    private final Map<Key, INDArray> arrays = new HashMap<>();
    private DataType dataType = DataType.FLOAT;

    void dataType(DataType dataType) {
        this.dataType = dataType;
    }

    DataType dataType() {
        return dataType;
    }

    INDArray get(String name, long... shape) {
        return arrays.computeIfAbsent(new Key(name, shape), k -> Nd4j.createUninitialized(dataType, shape));
    }

    INDArray zeros(String name, long... shape) {
        return arrays.computeIfAbsent(new Key(name, shape), k -> Nd4j.zeros(dataType, shape));
    }

    INDArray ones(String name, long... shape) {
        return arrays.computeIfAbsent(new Key(name, shape), k -> Nd4j.ones(dataType, shape));
    }

    void clear() {
        arrays.values().forEach(INDArray::close);
        arrays.clear();
    }

    private record Key(String name, long[] shape) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.name.equals(name) && Arrays.equals(k.shape, shape);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(shape);
        }
    }
}
