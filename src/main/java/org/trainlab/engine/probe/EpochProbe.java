package org.trainlab.engine.probe;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainlab.data.Dataset;
import org.trainlab.data.NormalizationStats;
import org.trainlab.engine.nn.Network;
import org.trainlab.experiment.inside.FilterBank;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.LayerProbe;

/**
 * Measures what a network looks like inside at each epoch's end, on the training thread, for one run.
 * The run calls {@link #beforeLastStep()} just before the epoch's last optimizer step (to see the
 * gradient and the update), {@link #tally()} receives the held-out probabilities of the evaluation pass
 * the run makes anyway, and {@link #finish(int)} adds one inference pass over a fixed probe batch and
 * returns the epoch's {@link InsideEpoch}. Copies of numbers only leave it.
 *
 * <p>Cost per epoch: one probe-batch forward pass, two copies of the parameters and one of the
 * gradients, Java loops over them and over the probe batch's activations (docs/performance.md).
 */
public final class EpochProbe implements AutoCloseable {

    /** Most images in the probe batch. */
    public static final int MAX_PROBE_IMAGES = 256;

    private final Network net;
    private final WeightLayout layout;
    private final INDArray probeBatch;
    private final int probeImages;
    /** The parameters and gradients before the epoch's last step, and the parameters at its end; reused every epoch. */
    private float[] paramsBefore, gradsBefore, paramsAfter;
    /** Whether {@link #beforeLastStep()} ran in this epoch. */
    private boolean stepSeen;
    private HeldOutTally tally;

    /**
     * @param test       the held-out set
     * @param norm       the run's normalization
     * @param probeSize  images in the probe batch (the run passes its batch size, so the layers' buffers
     *                   fit and nothing is reallocated); at most {@link #MAX_PROBE_IMAGES} and the held-out size
     */
    public EpochProbe(Network net, Dataset test, NormalizationStats norm, int probeSize) {
        this.net = net;
        this.layout = WeightLayout.of(net);
        this.probeImages = Math.max(1, Math.min(Math.min(probeSize, MAX_PROBE_IMAGES), test.size()));
        this.probeBatch = probeBatch(test, norm, probeImages, net.dataType());
        this.tally = new HeldOutTally(net.classes());
    }

    /**
     * The fixed probe batch: images spread evenly over the held-out set (index i * size / n), the same
     * every epoch, normalized as the run normalizes.
     */
    static INDArray probeBatch(Dataset test, NormalizationStats norm, int n, DataType type) {
        int size = test.imageSize();
        float[] pixels = new float[n * size];
        for (int i = 0; i < n; i++) {
            test.copyImageAsFloat((int) ((long) i * test.size() / n), pixels, i * size);
        }
        norm.apply(pixels, 0, pixels.length);
        return Nd4j.create(pixels, new long[] {n, test.rows(), test.cols(), 1}, type); // no cast operation (see Ops)
    }

    /** Copies the gradient and the parameters the epoch's last step is about to change. */
    public void beforeLastStep() {
        paramsBefore = LayerStatistics.copy(net.params(), paramsBefore);
        gradsBefore = LayerStatistics.copy(net.grads(), gradsBefore);
        stepSeen = true;
    }

    /** Where the run's held-out evaluation hands its probabilities, chunk by chunk, in held-out order. */
    public void heldOut(int firstIndex, int[] labels, int count, double[] probabilities) {
        tally.add(firstIndex, labels, count, probabilities);
    }

    /** The epoch's figures; resets for the next epoch first, so a failure here cannot spill into the next. */
    public InsideEpoch finish(int epoch) {
        HeldOutTally done = tally;
        float[] before = stepSeen ? paramsBefore : null, grads = stepSeen ? gradsBefore : null;
        tally = new HeldOutTally(net.classes());
        stepSeen = false;
        float[] params = paramsAfter = LayerStatistics.copy(net.params(), paramsAfter);
        List<INDArray> outputs = net.inferLayers(probeBatch);
        List<LayerProbe> layers = new ArrayList<>(layout.entries().size());
        for (WeightLayout.Entry e : layout.entries()) {
            int from = (int) e.offset(), count = (int) e.count();
            double[] act = LayerStatistics.meanStdZeros(outputs.get(e.activationLayer()));
            double gradientNorm = grads == null ? Double.NaN : LayerStatistics.norm(grads, from, count);
            double ratio = before == null ? Double.NaN : LayerStatistics.log10Ratio(
                    LayerStatistics.differenceNorm(params, before, from, count), LayerStatistics.norm(before, from, count));
            layers.add(new LayerProbe(e.name(), count, LayerStatistics.histogram(params, from, count),
                    act[0], act[1], e.relu() ? act[2] : 0, gradientNorm, ratio));
        }
        return new InsideEpoch(epoch, done.confusion(), done.keptMistakes(), probeImages, layers,
                firstLayerFilters(layout, params));
    }

    /** The first conv layer's kernels (input channel 0) from the flat parameters; null without conv layers. */
    static FilterBank firstLayerFilters(WeightLayout layout, float[] params) {
        WeightLayout.Entry first = layout.entries().isEmpty() ? null : layout.entries().get(0);
        if (first == null || !first.conv()) {
            return null;
        }
        int filters = (int) first.outShape()[2];
        long perFilter = first.count() / filters; // in channels * k * k, weights [out, in, k, k]
        int k = (int) Math.round(Math.sqrt(perFilter));
        int inChannels = (int) (perFilter / ((long) k * k));
        float[] values = new float[filters * k * k];
        for (int f = 0; f < filters; f++) {
            System.arraycopy(params, (int) (first.offset() + (long) f * inChannels * k * k), values, f * k * k, k * k);
        }
        return new FilterBank(filters, k, k, values);
    }

    public int probeImages() {
        return probeImages;
    }

    @Override
    public void close() {
        probeBatch.close();
    }
}
