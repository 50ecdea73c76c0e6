package org.trainlab.engine.nn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Memory a network's layers share for values that die young: the gradients of the backward pass and
 * short-lived intermediates. A layer's input gradient is consumed by the layer before it, so two
 * alternating slots hold every gradient of the pass; a third holds an intermediate used within one
 * call. Each layer owning its own input gradient (one activation-sized array per layer) cost more than
 * the forward pass's outputs; with these slots a network holds its outputs plus three arrays the size
 * of its largest activation (docs/performance.md, memory).
 *
 * <p>Slots grow to the largest size asked and are never shrunk; arrays handed out are views of their
 * slot, cached per shape, valid until the slot is handed out again.
 */
final class Workspace {

    private static final int SCRATCH = 2;

    private final INDArray[] slots = new INDArray[3];
    private final Map<View, INDArray> views = new HashMap<>();
    private DataType dataType = DataType.FLOAT;
    private int lastGradient = -1;

    void dataType(DataType dataType) {
        if (dataType != this.dataType) {
            clear();
            this.dataType = dataType;
        }
    }

    /** Makes every slot hold at least {@code elements}, so a pass does not grow them piecemeal. */
    void reserve(long elements) {
        for (int i = 0; i < slots.length; i++) {
            slot(i, elements);
        }
    }

    /** Starts a backward pass: the loss gradient lives outside the slots. */
    void beginBackward() {
        lastGradient = -1;
    }

    /**
     * Memory for the gradient at a layer's input: the slot not holding the gradient the layer was
     * given (the last one handed out), so reading one while writing the other is safe.
     */
    INDArray gradient(long... shape) {
        lastGradient = lastGradient == 0 ? 1 : 0;
        return view(lastGradient, shape);
    }

    /** Memory for an intermediate used within one forward or backward call and never returned. */
    INDArray scratch(long... shape) {
        return view(SCRATCH, shape);
    }

    /** Bytes the slots hold. */
    long bytes() {
        return Arrays.stream(slots).filter(s -> s != null).mapToLong(s -> s.length() * s.dataType().width()).sum();
    }

    void clear() {
        views.clear();
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null) {
                slots[i].close();
                slots[i] = null;
            }
        }
    }

    private INDArray view(int slot, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        INDArray memory = slot(slot, n);
        long elements = n;
        return views.computeIfAbsent(new View(slot, shape.clone()),
                v -> memory.get(NDArrayIndex.interval(0, elements)).reshape('c', v.shape));
    }

    private INDArray slot(int slot, long elements) {
        INDArray memory = slots[slot];
        if (memory == null || memory.length() < elements) {
            if (memory != null) {
                memory.close();
                views.keySet().removeIf(v -> v.slot == slot);
            }
            memory = Nd4j.createUninitialized(dataType, Math.max(1, elements));
            slots[slot] = memory;
        }
        return memory;
    }

    private record View(int slot, long[] shape) {
        @Override
        public boolean equals(Object o) {
            return o instanceof View v && v.slot == slot && Arrays.equals(v.shape, shape);
        }

        @Override
        public int hashCode() {
            return slot * 31 + Arrays.hashCode(shape);
        }
    }
}
