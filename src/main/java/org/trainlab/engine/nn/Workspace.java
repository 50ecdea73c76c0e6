package org.trainlab.engine.nn;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Memory a network's layers share for values that die young: the gradients of the backward pass and
 * short-lived intermediates. A layer's input gradient is consumed by the layer before it, so two
 * alternating slots hold every gradient of the pass; a third holds an intermediate used within one
 * call. Each layer owning its own input gradient (one activation-sized array per layer) cost more than
 * the forward pass's outputs; with these slots a network holds its outputs plus three arrays the size
 * of its largest activation (docs/performance.md, memory).
 *
 * <p>Each slot is a {@link Block}: grown to the largest size asked and never shrunk; arrays handed out are
 * views of their slot, cached per shape, valid until the slot is handed out again.
 */
final class Workspace {

    private static final int SCRATCH = 2;

    private final Block[] slots = {new Block(), new Block(), new Block()};
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
        for (Block slot : slots) {
            slot.reserve(dataType, elements);
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
        return slots[lastGradient].view(dataType, shape);
    }

    /** Memory for an intermediate used within one forward or backward call and never returned. */
    INDArray scratch(long... shape) {
        return slots[SCRATCH].view(dataType, shape);
    }

    /** Bytes the slots hold. */
    long bytes() {
        return Arrays.stream(slots).mapToLong(Block::bytes).sum();
    }

    void clear() {
        for (Block slot : slots) {
            slot.close();
        }
    }
}
