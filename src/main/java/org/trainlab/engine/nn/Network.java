package org.trainlab.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A feed-forward network run directly on libnd4j's native ops (oneDNN where the CPU has it), with
 * hand-written back-propagation through a fixed, small set of layers.
 *
 * <p>All trainable numbers live in one flat vector, weights first and then biases and batch-norm
 * parameters, so weight decay, the weight norm and the optimizer each act on one contiguous array.
 * Not thread-safe: a network belongs to the one thread that trains it.
 */
public final class Network implements AutoCloseable {

    private final List<Layer> layers;
    /** See {@link #infer}. */
    private final int[] poolAfterRelu;
    /** The layers' indices in the order a training step runs them forward: see {@link #trainingOrder}. */
    private final int[] trainingOrder;
    private final int classes;
    private final INDArray params, grads;
    private final INDArray weights;
    private final long weightCount;
    private final Workspace work = new Workspace();
    /** Elements of the largest input or output of any layer, per image. */
    private final long largestActivation;
    private final DataType dataType;
    /**
     * The loss gradient at the logits, [batch, classes], handed to the last layer's backward pass: sized for
     * the largest batch, as the layers' arrays are.
     */
    private final Block lossGradient = new Block();

    Network(List<Layer> layers, long[] inputShape, DataType dataType) {
        this(layers, inputShape, dataType, true);
    }

    /** {@code poolFirst} false: training runs the layers in their order (the test that holds the two orders equal). */
    Network(List<Layer> layers, long[] inputShape, DataType dataType, boolean poolFirst) {
        this.layers = List.copyOf(layers);
        this.poolAfterRelu = poolsAfterRelus(this.layers, false);
        this.trainingOrder = trainingOrder(poolsAfterRelus(this.layers, true), poolFirst);
        long[] shape = inputShape;
        long w = 0, o = 0;
        long largest = 1;
        for (long d : inputShape) {
            largest *= d;
        }
        for (Layer layer : this.layers) {
            shape = layer.configure(shape, dataType, work);
            long size = 1;
            for (long d : shape) {
                size *= d;
            }
            largest = Math.max(largest, size);
            w += layer.weightCount();
            o += layer.otherParamCount();
        }
        this.largestActivation = largest;
        this.classes = (int) shape[0];
        this.weightCount = w;
        this.dataType = dataType;
        params = Nd4j.zeros(dataType, w + o);
        grads = Nd4j.zeros(dataType, w + o);
        weights = params.get(NDArrayIndex.interval(0, w));
        long wAt = 0, oAt = w;
        for (Layer layer : this.layers) {
            long lw = layer.weightCount(), lo = layer.otherParamCount();
            layer.bind(lw == 0 ? null : params.get(NDArrayIndex.interval(wAt, wAt + lw)),
                    lw == 0 ? null : grads.get(NDArrayIndex.interval(wAt, wAt + lw)),
                    lo == 0 ? null : params.get(NDArrayIndex.interval(oAt, oAt + lo)),
                    lo == 0 ? null : grads.get(NDArrayIndex.interval(oAt, oAt + lo)));
            wAt += lw;
            oAt += lo;
        }
    }

    /** Sets every parameter from the seed alone: the same seed gives the same initial weights. */
    public void initialize(WeightInit init, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Layer layer : layers) {
            layer.initialize(init, random.split());
        }
    }

    public List<Layer> layers() {
        return layers;
    }

    /** FLOAT for training; DOUBLE lets tests check gradients by finite differences. */
    public DataType dataType() {
        return dataType;
    }

    public int classes() {
        return classes;
    }

    /** All trainable parameters, weights first. Live: the optimizer updates it in place. */
    public INDArray params() {
        return params;
    }

    /** Gradients of the last {@link #trainStep}, laid out as {@link #params()}. */
    public INDArray grads() {
        return grads;
    }

    /** The weights part of {@link #params()} (what weight decay acts on). */
    public INDArray weights() {
        return weights;
    }

    public long weightCount() {
        return weightCount;
    }

    public long paramCount() {
        return params.length();
    }

    /** Bytes the layers' work arrays hold now (activations, gradients, masks; not the parameters). */
    public long workBytes() {
        return layers.stream().mapToLong(Layer::bufferBytes).sum() + work.bytes()
                + lossGradient.bytes();
    }

    /**
     * One forward and backward pass in training mode: fills {@link #grads()} with the gradient of
     * the batch's mean cross-entropy.
     *
     * @param x      [batch, inputShape...]
     * @param labels class of each image
     */
    public BatchResult trainStep(INDArray x, int[] labels, Layer.StepKey step) {
        return trainStep(x, labels, step, null);
    }

    /**
     * As {@link #trainStep(INDArray, int[], Layer.StepKey)}, timing each layer when {@code nanos} is not null:
     * {@code nanos[0][i]} and {@code nanos[1][i]} become layer i's forward and backward nanoseconds, and, when
     * it has four rows, {@code nanos[2][i]} and {@code nanos[3][i]} the number of values layer i took in and gave
     * out in this step, which the training order makes smaller than its shapes say for a ReLU before a pool
     * ({@code bench --layers}).
     */
    public BatchResult trainStep(INDArray x, int[] labels, Layer.StepKey step, long[][] nanos) {
        work.reserve(x.size(0) * largestActivation);
        INDArray logits = x;
        for (int i : trainingOrder) {
            long start = nanos == null ? 0 : System.nanoTime();
            INDArray in = logits;
            logits = layers.get(i).forward(logits, true, step);
            if (nanos != null) {
                nanos[0][i] = System.nanoTime() - start;
                if (nanos.length > 3) {
                    nanos[2][i] = in.length();
                    nanos[3][i] = logits.length();
                }
            }
        }
        int batch = labels.length;
        double[] gradient = new double[batch * classes];
        BatchResult result = softmaxCrossEntropy(logits, labels, gradient, null);
        INDArray g = lossGradient.view(dataType, new long[] {batch, classes});
        g.data().setData(gradient);
        work.beginBackward();
        for (int at = trainingOrder.length - 1; at >= 0; at--) {
            int i = trainingOrder[at];
            long start = nanos == null ? 0 : System.nanoTime();
            g = layers.get(i).backward(g, at > 0);
            if (nanos != null) {
                nanos[1][i] = System.nanoTime() - start;
            }
        }
        return result;
    }

    /**
     * The order a training step runs the layers in: a ReLU (and the spatial dropout after it) that a max pool
     * follows runs after the pool, on a quarter of the values, forward and backward. Nothing changes but the
     * work: the maximum commutes with ReLU and with spatial dropout's per-channel factor (0 or a positive
     * scale; an elementwise dropout would not commute, and keeps its place), the
     * pool routes each gradient to the same input (the largest; where the largest is not positive the
     * gradient is 0 either way), and each gradient is multiplied by the same factors, so the step's outputs
     * and gradients are the same to the bit ({@code NetworkOrderTest}).
     */
    private static int[] trainingOrder(int[] poolAfterRelu, boolean poolFirst) {
        int[] order = new int[poolAfterRelu.length];
        int at = 0;
        for (int i = 0; i < poolAfterRelu.length; i++) {
            int pool = poolFirst ? poolAfterRelu[i] : -1;
            if (pool >= 0) {
                order[at++] = pool;
                for (int j = i; j < pool; j++) {
                    order[at++] = j;
                }
                i = pool;
            } else {
                order[at++] = i;
            }
        }
        return order;
    }

    /** Loss and correct count in inference mode (running batch-norm statistics, no dropout). */
    public BatchResult evaluate(INDArray x, int[] labels) {
        INDArray logits = infer(x);
        return softmaxCrossEntropy(logits, labels, null, null);
    }

    /**
     * As {@link #evaluate(INDArray, int[])}, and writes each image's class probabilities (softmax of the
     * same logits, [batch * classes], row-major) into {@code probabilities} when it is not null.
     */
    public BatchResult evaluate(INDArray x, int[] labels, double[] probabilities) {
        INDArray logits = infer(x);
        return softmaxCrossEntropy(logits, labels, null, probabilities);
    }

    /**
     * One inference-mode forward pass that returns every layer's output, in layer order. The arrays are
     * the layers' own buffers: read them before the next forward pass, never keep them.
     */
    public List<INDArray> inferLayers(INDArray x) {
        List<INDArray> outputs = new ArrayList<>(layers.size());
        INDArray a = x;
        for (Layer layer : layers) {
            a = layer.forward(a, false, null);
            outputs.add(a);
        }
        return outputs;
    }

    /** Non-trainable state (batch-norm running means, then variances, layer after layer) as a copy. */
    public double[] runningState() {
        List<double[]> parts = new ArrayList<>();
        int total = 0;
        for (Layer layer : layers) {
            INDArray state = layer.state();
            if (state != null) {
                double[] v = state.toDoubleVector();
                parts.add(v);
                total += v.length;
            }
        }
        double[] all = new double[total];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /**
     * Sets every parameter and the running state, as {@link #params()} and {@link #runningState()} gave them.
     *
     * @throws IllegalArgumentException if the sizes do not fit this network
     */
    public void restore(float[] parameters, double[] state) {
        if (parameters.length != params.length()) {
            throw new IllegalArgumentException("the network has " + params.length() + " parameters, the weights "
                    + parameters.length);
        }
        int at = 0;
        for (Layer layer : layers) {
            at += layer.restoreState(state, at);
        }
        if (at != state.length) {
            throw new IllegalArgumentException("the network has " + at + " running-state values, the weights " + state.length);
        }
        // made in the network's type from the Java array, not cast by an operation (see Ops)
        Ops.assign(params, Nd4j.create(parameters, new long[] {parameters.length}, dataType));
    }

    /** Class probabilities in inference mode, [batch, classes]. */
    public float[] predict(INDArray x) {
        INDArray logits = infer(x);
        float[] z = logits.data().asFloat();
        int batch = (int) x.size(0);
        for (int i = 0; i < batch; i++) {
            softmaxRow(z, i * classes, classes);
        }
        return z;
    }

    /**
     * The inference-mode forward pass of {@link #evaluate} and {@link #predict}. A ReLU followed by a max pool
     * (with dropout, which passes everything in inference mode, between them or not) runs after the pool
     * instead, in place on the pool's output: on a quarter of the values. The maximum and ReLU commute exactly
     * (ReLU is monotonic, and neither does arithmetic), so the logits are the same to the bit;
     * {@link #inferLayers} keeps the layers' order, since the Inside view reads every layer's output.
     */
    private INDArray infer(INDArray x) {
        INDArray a = x;
        for (int i = 0; i < layers.size(); i++) {
            int pool = poolAfterRelu[i];
            if (pool >= 0) {
                a = Relu.applyInPlace(layers.get(pool).forward(a, false, null));
                i = pool;
            } else {
                a = layers.get(i).forward(a, false, null);
            }
        }
        return a;
    }

    /**
     * For each layer, the max pool a ReLU there is followed by, dropout between them or not (only spatial
     * dropout with {@code spatialDropoutOnly}); -1 for none.
     */
    private static int[] poolsAfterRelus(List<Layer> layers, boolean spatialDropoutOnly) {
        int[] pools = new int[layers.size()];
        Arrays.fill(pools, -1);
        for (int i = 0; i < layers.size(); i++) {
            int j = i + 1;
            while (j < layers.size() && layers.get(j) instanceof Dropout dropout && (dropout.spatial() || !spatialDropoutOnly)) {
                j++;
            }
            if (layers.get(i) instanceof Relu && j < layers.size() && layers.get(j) instanceof MaxPool2d) {
                pools[i] = j;
            }
        }
        return pools;
    }

    /**
     * Mean cross-entropy of softmax(logits) against the labels, computed in double with the
     * log-sum-exp guard; writes d(mean loss)/d(logits) into {@code gradient} and the probabilities into
     * {@code probabilities} when they are not null.
     */
    static BatchResult softmaxCrossEntropy(INDArray logits, int[] labels, double[] gradient, double[] probabilities) {
        int batch = labels.length;
        int classes = (int) logits.size(1);
        double[] z = logits.data().asDouble();
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < batch; i++) {
            int row = i * classes;
            int best = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                if (z[row + c] > max) {
                    max = z[row + c];
                    best = c;
                }
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(z[row + c] - max);
            }
            double logSum = max + Math.log(sum);
            loss += logSum - z[row + labels[i]];
            if (best == labels[i]) {
                correct++;
            }
            if (probabilities != null) {
                for (int c = 0; c < classes; c++) {
                    probabilities[row + c] = Math.exp(z[row + c] - logSum);
                }
            }
            if (gradient != null) {
                for (int c = 0; c < classes; c++) {
                    double p = Math.exp(z[row + c] - logSum);
                    gradient[row + c] = (p - (c == labels[i] ? 1 : 0)) / batch;
                }
            }
        }
        return new BatchResult(loss / batch, correct, batch);
    }

    private static void softmaxRow(float[] z, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            max = Math.max(max, z[from + c]);
        }
        double sum = 0;
        for (int c = 0; c < n; c++) {
            sum += Math.exp(z[from + c] - max);
        }
        for (int c = 0; c < n; c++) {
            z[from + c] = (float) (Math.exp(z[from + c] - max) / sum);
        }
    }

    /** Frees the native buffers now rather than whenever the garbage collector gets to them. */
    @Override
    public void close() {
        for (Layer layer : layers) {
            layer.release();
        }
        lossGradient.close();
        work.clear();
        params.close();
        grads.close();
    }

    /** What one batch gave: mean loss, how many were right, out of how many. */
    public record BatchResult(double loss, int correct, int count) {
    }

    /** Builds networks layer by layer; see {@link Architectures} for the tutorial's. */
    static final class Builder {
        private final List<Layer> layers = new ArrayList<>();

        Builder add(Layer layer) {
            layers.add(layer);
            return this;
        }

        Network build(DataType dataType, long... inputShape) {
            return new Network(layers, inputShape, dataType);
        }

        /** With training in the layers' own order, for the test that holds the two orders equal. */
        Network buildInLayerOrder(DataType dataType, long... inputShape) {
            return new Network(layers, inputShape, dataType, false);
        }
    }
}
