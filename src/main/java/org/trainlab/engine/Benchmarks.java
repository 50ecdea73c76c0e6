package org.trainlab.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainlab.data.Augmenter;
import org.trainlab.engine.nn.Architectures;
import org.trainlab.engine.nn.Layer;
import org.trainlab.engine.nn.Network;
import org.trainlab.engine.nn.WeightInit;
import org.trainlab.engine.optim.Optimizer;
import org.trainlab.experiment.settings.AugmentationSettings;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.OptimizerSettings;
import org.trainlab.experiment.settings.RegularizationKind;
import org.trainlab.experiment.settings.RegularizationSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.Arrays;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.TrainingSettings;

/**
 * Speed measurements printed by the {@code bench} command. They mirror the PyTorch anchor: one fixed
 * random batch, labels i mod 10, Adam with lr 1e-3 and L2 weight decay 1e-4, 10 warm-up steps, then
 * max(20, 4000 / batch) timed steps; inference on 1000 images, 5 times, in inference mode.
 */
public final class Benchmarks {

    /** Multiply-adds times two of one forward pass of the tutorial CNN, times three for training. */
    public static final double CNN_TRAIN_FLOPS = 3.0 * 2 * (28 * 28 * 16 * 9 * 1 + 28 * 28 * 32 * 9 * 16
            + 14 * 14 * 64 * 9 * 32 + 3136 * 128 + 128 * 64 + 64 * 10);

    private Benchmarks() {
    }

    public record Speed(double trainImagesPerSecond, double inferImagesPerSecond) {
    }

    public record AugmentationCost(double millisPerBatch) {
    }

    public static Speed cnnSpeed(boolean batchNorm, int batch) {
        return onTutorialCnn(batchNorm, batch, (net, step) -> {
            for (int i = 0; i < 10; i++) {
                step.accept(null);
            }
            int n = Math.max(20, 4000 / batch);
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                step.accept(null);
            }
            double train = n * batch / ((System.nanoTime() - t) / 1e9);
            INDArray xe = Nd4j.rand(DataType.FLOAT, 1000, 28, 28, 1);
            int[] ye = new int[1000];
            net.evaluate(xe, ye);
            t = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                net.evaluate(xe, ye);
            }
            double infer = 5000 / ((System.nanoTime() - t) / 1e9);
            xe.close();
            return new Speed(train, infer);
        });
    }

    /**
     * One layer (its line and its kind, e.g. "BatchNorm") and its median forward and backward time in a
     * training step, and the work each pass cannot do without: floating-point operations (multiply-adds count
     * two) and bytes read and written if every array passed through memory once (input and output forward;
     * output gradient, input and input gradient backward, the first layer's input gradient left out).
     */
    public record LayerTime(String layer, String kind, double forwardMillis, double backwardMillis,
                            double forwardFlops, double backwardFlops, double forwardBytes, double backwardBytes) {

        /**
         * The least time a pass can take on this machine: its arithmetic at {@code flopsPerSecond} or its
         * memory traffic at {@code bytesPerSecond}, whichever is longer, in milliseconds.
         */
        public static double floorMillis(double flops, double bytes, double flopsPerSecond, double bytesPerSecond) {
            return 1e3 * Math.max(flops / flopsPerSecond, bytes / bytesPerSecond);
        }
    }

    /** The layers' times and the whole step's median (loss and optimizer included). */
    public record LayerProfile(List<LayerTime> layers, double stepMillis) {
    }

    /**
     * Where a training step's time goes, layer by layer: medians over {@code steps} steps after 10 of
     * warm-up, on the same network, data and optimizer as {@link #cnnSpeed}.
     */
    public static LayerProfile layerProfile(boolean batchNorm, int batch, int steps) {
        return onTutorialCnn(batchNorm, batch, (net, step) -> {
            for (int i = 0; i < 10; i++) {
                step.accept(null);
            }
            int n = net.layers().size();
            long[][] forward = new long[n][steps], backward = new long[n][steps];
            long[] total = new long[steps];
            long[][] nanos = new long[4][n];
            for (int s = 0; s < steps; s++) {
                long t = System.nanoTime();
                step.accept(nanos);
                total[s] = System.nanoTime() - t;
                for (int i = 0; i < n; i++) {
                    forward[i][s] = nanos[0][i];
                    backward[i][s] = nanos[1][i];
                }
            }
            List<LayerTime> layers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Layer layer = net.layers().get(i);
                long[] out = layer.outShape();
                double in = nanos[2][i], produced = nanos[3][i];
                // a convolution's weights meet every output pixel once, a dense layer's every image once
                double flops = 2.0 * layer.weightCount() * produced / out[out.length - 1];
                boolean first = i == 0;
                double forwardBytes = Float.BYTES * (in + produced);
                double backwardBytes = Float.BYTES * (produced + in + (first ? 0 : in));
                layers.add(new LayerTime(layer.toString(), layer.kind(), medianMillis(forward[i]), medianMillis(backward[i]),
                        flops, first ? flops : 2 * flops, forwardBytes, backwardBytes));
            }
            return new LayerProfile(layers, medianMillis(total));
        });
    }

    /**
     * Runs {@code work} {@code warmUp} times untimed, then {@code rounds} times timed; the timed rounds'
     * nanoseconds, sorted. {@code work} gets the call's number, warm-up calls included, from 0.
     */
    private static long[] sortedNanos(int warmUp, int rounds, IntConsumer work) {
        long[] times = new long[rounds];
        for (int i = 0; i < warmUp + rounds; i++) {
            long t = System.nanoTime();
            work.accept(i);
            if (i >= warmUp) {
                times[i - warmUp] = System.nanoTime() - t;
            }
        }
        Arrays.sort(times);
        return times;
    }

    private static double medianMillis(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /**
     * The tutorial CNN with Adam and L2 on one fixed random batch: {@code body} gets the network and a step
     * (forward, backward, update) that times each layer into its argument when that is not null.
     */
    private static <T> T onTutorialCnn(boolean batchNorm, int batch, BiFunction<Network, Consumer<long[][]>, T> body) {
        NativeRuntime.ensureLoaded();
        try (Network net = Architectures.build(new ModelSettings(ModelKind.CNN, batchNorm, 0));
             Optimizer optimizer = new Optimizer(new OptimizerSettings(OptimizerKind.ADAM, 1e-3, 0.9, 0.9, 0.999, 1e-8, 0.99),
                     new RegularizationSettings(RegularizationKind.L2, 1e-4), net.paramCount(), net.weightCount())) {
            net.initialize(new WeightInit(InitKind.HE_UNIFORM, 0.1), 1);
            INDArray x = Nd4j.rand(DataType.FLOAT, batch, 28, 28, 1);
            int[] labels = new int[batch];
            for (int i = 0; i < batch; i++) {
                labels[i] = i % 10;
            }
            long[] iteration = {0};
            try {
                return body.apply(net, nanos -> {
                    iteration[0]++;
                    net.trainStep(x, labels, new Layer.StepKey(1, iteration[0]), nanos);
                    optimizer.step(net.params(), net.grads(), 1e-3);
                });
            } finally {
                x.close();
            }
        }
    }

    /** GFLOP/s of an n x n single-precision matrix product through ND4J: best and median of 10. */
    public record Gemm(double bestGflops, double medianGflops) {
    }

    /** GB/s of a copy through ND4J ({@link #copyBandwidth}): best and median. */
    public record Bandwidth(double bestGigabytes, double medianGigabytes) {
    }

    public static Gemm matmul(int n) {
        NativeRuntime.ensureLoaded();
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n), b = Nd4j.rand(DataType.FLOAT, n, n), c = Nd4j.create(DataType.FLOAT, n, n);
        long[] times = sortedNanos(3, 10, i -> Nd4j.gemm(a, b, c, false, false, 1.0, 0.0));
        double flops = 2.0 * n * n * n;
        return new Gemm(flops / times[0], flops / times[times.length / 2]);
    }

    /**
     * Bytes a second that a copy of {@code values} floats moves through ND4J (each value read once and written
     * once), best and median of 20 after 3 of warm-up: the memory ceiling for arrays of that size, as the
     * matrix product is the arithmetic's.
     */
    public static Bandwidth copyBandwidth(long values) {
        NativeRuntime.ensureLoaded();
        INDArray from = Nd4j.rand(DataType.FLOAT, values), to = Nd4j.create(DataType.FLOAT, values);
        long[] times = sortedNanos(3, 20, i -> to.assign(from));
        double bytes = 2.0 * Float.BYTES * values;
        from.close();
        to.close();
        return new Bandwidth(bytes / times[0], bytes / times[times.length / 2]);
    }

    /**
     * What augmentation adds to a real epoch: the tutorial CNN with batch norm, one epoch on 2,000
     * bundled digits, with every augmentation option off and on, alternating, {@code rounds} each.
     *
     * @return median seconds per epoch without and with augmentation
     */
    public static double[] augmentationEpochCost(int rounds) {
        ExperimentSettings base = Defaults.settings()
                .withData(new DataSettings(DatasetSource.BUNDLED_DIGITS, null, 2000))
                .withModel(new ModelSettings(ModelKind.CNN, true, 0))
                .withTraining(new TrainingSettings(1, 64, 1));
        ExperimentSettings augmented = base.withAugmentation(new AugmentationSettings(true, true, true, 15, 2, 0.1, 0.1, 0.5));
        double[] off = new double[rounds], on = new double[rounds];
        epochSeconds(base); // warm-up
        for (int i = 0; i < rounds; i++) {
            off[i] = epochSeconds(base);
            on[i] = epochSeconds(augmented);
        }
        Arrays.sort(off);
        Arrays.sort(on);
        return new double[] {off[rounds / 2], on[rounds / 2]};
    }

    private static double epochSeconds(ExperimentSettings settings) {
        double[] seconds = {Double.NaN};
        new TrainingRun(settings, TrainingRun.DataSource.DEFAULT, new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                seconds[0] = m.elapsedSeconds();
            }
        }).run();
        return seconds[0];
    }

    /** Cost of the whole augmentation pipeline (every option on) for one batch, median of 50. */
    public static AugmentationCost augmentationCost(int batch) {
        Augmenter augmenter = new Augmenter(new AugmentationSettings(true, true, true, 15, 2, 0.1, 0.1, 0.5));
        float[] images = new float[batch * 28 * 28];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextDouble();
        }
        long[] times = sortedNanos(10, 50, i -> augmenter.augmentBatch(images, 0, batch, 1, i + 90));
        return new AugmentationCost(times[times.length / 2] / 1e6);
    }
}
