package org.trainlab.engine.nn;

import org.trainlab.experiment.settings.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.SplittableRandom;
import java.util.Arrays;

/**
 * One step of a {@link Network}. A layer owns the buffers it writes in the forward pass (its output),
 * sized for the largest batch it has seen and reused by every batch and evaluation chunk after; the
 * gradient at its input and short-lived intermediates live in a {@link Workspace} the network's layers
 * share. Once a run has seen its largest batch, its steps allocate nothing.
 *
 * <p>Shapes exclude the batch dimension; image activations are NHWC, which oneDNN runs fastest here.
 */
public abstract class Layer {

    protected DataType dataType = DataType.FLOAT;
    protected long[] inShape;
    protected long[] outShape;
    protected final Buffers buffers = new Buffers();
    /** Gradients and intermediates; a network hands all its layers one shared workspace in {@link #configure}. */
    private Workspace work = new Workspace();

    /** Fixes the input shape and returns the output shape (both without the batch dimension); a workspace of its own. */
    final long[] configure(long[] inShape, DataType dataType) {
        return configure(inShape, dataType, work);
    }

    /**
     * Fixes the input shape, the number type and the workspace the layer shares with the network's other
     * layers; returns the output shape (both without the batch dimension). The network's only way in: it
     * sets nothing on a layer directly.
     */
    final long[] configure(long[] inShape, DataType dataType, Workspace work) {
        this.work = work;
        this.dataType = dataType;
        buffers.dataType(dataType);
        work.dataType(dataType);
        this.inShape = inShape.clone();
        this.outShape = computeOutShape(inShape);
        return outShape.clone();
    }

    protected abstract long[] computeOutShape(long[] in);

    /** The workspace for input gradients and short-lived intermediates. */
    protected final Workspace work() {
        return work;
    }

    /** How many bytes the layer's own buffers hold now. */
    final long bufferBytes() {
        return buffers.bytes();
    }

    /** Frees the layer's own buffers (the network frees the shared workspace). */
    final void release() {
        buffers.clear();
    }

    public long[] outShape() {
        return outShape.clone();
    }

    /** Trainable weights (decayed, counted in the weight norm). */
    public long weightCount() {
        return 0;
    }

    /** Other trainable parameters: biases, batch-norm scale and shift (never decayed). */
    public long otherParamCount() {
        return 0;
    }

    /**
     * Hands the layer its slices of the network's flat parameter and gradient vectors.
     *
     * @param weights     view of length {@link #weightCount()}
     * @param weightGrads gradient view of the same length
     * @param others      view of length {@link #otherParamCount()}
     * @param otherGrads  gradient view of the same length
     */
    void bind(INDArray weights, INDArray weightGrads, INDArray others, INDArray otherGrads) {
    }

    /** Sets initial parameter values; biases start at zero, batch-norm scale at one. */
    void initialize(WeightInit init, SplittableRandom random) {
    }

    /** Fan-in and fan-out of the weights, as PyTorch counts them (the kernel area included). */
    long[] fans() {
        return new long[] {0, 0};
    }

    /**
     * @param x        input, [batch, inShape...]
     * @param training training mode (batch statistics, dropout) or inference mode
     * @param step     identifies the step for layers that draw random numbers
     * @return the layer's output buffer, valid until the next forward call with the same batch size
     */
    abstract INDArray forward(INDArray x, boolean training, StepKey step);

    /**
     * Back-propagates through the last training-mode forward call: writes this layer's parameter
     * gradients and returns the gradient at its input.
     *
     * @param gradOut gradient at the output, [batch, outShape...]
     * @param needInputGrad false for the first layer, whose input gradient nobody needs
     */
    abstract INDArray backward(INDArray gradOut, boolean needInputGrad);

    /** One line for the run's record: kind, details, output shape. */
    @Override
    public String toString() {
        String details = details();
        return getClass().getSimpleName() + (details.isEmpty() ? "" : " " + details) + " -> " + Arrays.toString(outShape);
    }

    protected String details() {
        return "";
    }

    /** The layer's kind: its class's simple name ("Conv2d", "Dense", "Relu", "BatchNorm", ...). */
    public final String kind() {
        return getClass().getSimpleName();
    }

    /**
     * Sets the non-trainable state from {@code values} at {@code from}, in the layout of {@link #state()};
     * returns how many values it took (0 for layers without state).
     */
    int restoreState(double[] values, int from) {
        return 0;
    }

    /** Copies any non-trainable state (batch-norm running statistics) for checkpoints and tests. */
    public INDArray state() {
        return null;
    }

    static long[] withBatch(long batch, long[] shape) {
        long[] s = new long[shape.length + 1];
        s[0] = batch;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    static long product(long[] shape) {
        long p = 1;
        for (long d : shape) {
            p *= d;
        }
        return p;
    }

    /** The random stream a layer uses in one step: a pure function of seed, iteration and layer. */
    public record StepKey(long seed, long iteration) {
        SplittableRandom random(int salt) {
            return new SplittableRandom(Seeds.combined(seed, iteration, salt));
        }
    }
}
