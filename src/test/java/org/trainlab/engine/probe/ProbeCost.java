package org.trainlab.engine.probe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainlab.data.Dataset;
import org.trainlab.data.DatasetLoader;
import org.trainlab.data.DatasetSplit;
import org.trainlab.data.NormalizationStats;
import org.trainlab.engine.NativeRuntime;
import org.trainlab.engine.nn.Architectures;
import org.trainlab.engine.nn.Layer;
import org.trainlab.engine.nn.Network;
import org.trainlab.engine.nn.WeightInit;
import org.trainlab.engine.optim.Optimizer;
import org.trainlab.experiment.json.SettingsJson;
import org.trainlab.experiment.settings.ExperimentSettings;

/**
 * What the inside figures cost on the tutorial's run (not a test: timings depend on the machine).
 * Builds the network of {@code assets/experiments/tutorial-cnn.json} on its real data (8,000 training,
 * 2,000 held-out digits, batch 64) and, round after round in one process, times side by side: a few
 * training steps (forward, backward, optimizer), the held-out evaluation without and with the
 * probabilities the figures need, and the figures' own work (copy before the last step, the probe
 * batch's pass and statistics, the weights snapshot). An epoch is estimated as its steps times the
 * median step plus the evaluation; the figures' share is their median cost over that.
 * Run with the test classpath: {@code java -cp <test classpath> org.trainlab.engine.probe.ProbeCost [rounds] [steps]}.
 */
public final class ProbeCost {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ExperimentSettings s = SettingsJson.read(Path.of("assets/experiments/tutorial-cnn.json"));
        NativeRuntime.ensureLoaded();
        DatasetSplit data = DatasetLoader.load(s.data(), (f, d, t) -> { }, () -> false).withTrainSize(s.data().trainSize());
        Dataset train = data.train(), test = data.test();
        int batch = s.training().batchSize();
        int batchesPerEpoch = (train.size() + batch - 1) / batch;
        NormalizationStats norm = NormalizationStats.resolve(s.normalization().kind(), train);
        List<Double> step = new ArrayList<>(), evalPlain = new ArrayList<>(), evalProb = new ArrayList<>(), figures = new ArrayList<>();
        List<Double> share = new ArrayList<>();
        try (Network net = Architectures.build(s.model());
             Optimizer optimizer = new Optimizer(s.optimizer(), s.regularization(), net.paramCount(), net.weightCount());
             EpochProbe probe = new EpochProbe(net, test, norm, batch)) {
            net.initialize(WeightInit.of(s.init()), s.training().seed());
            INDArray x = batchOf(train, 0, batch, norm);
            int[] labels = labels(train, 0, batch);
            long iteration = 0;
            for (int round = 0; round <= rounds; round++) { // round 0 warms up
                long t0 = System.nanoTime();
                for (int k = 0; k < steps; k++) {
                    net.trainStep(x, labels, new Layer.StepKey(1, ++iteration));
                    optimizer.step(net.params(), net.grads(), 1e-3);
                }
                long t1 = System.nanoTime();
                net.trainStep(x, labels, new Layer.StepKey(1, ++iteration));
                long t2 = System.nanoTime();
                probe.beforeLastStep();
                long t3 = System.nanoTime();
                optimizer.step(net.params(), net.grads(), 1e-3);
                double plain = evaluate(net, test, norm, batch, null);
                double withProbabilities = evaluate(net, test, norm, batch, probe);
                long t4 = System.nanoTime();
                probe.finish(round + 1);
                TrainedNetworks.snapshot(net, s.model(), round + 1, norm);
                long t5 = System.nanoTime();
                if (round == 0) {
                    continue;
                }
                step.add((t1 - t0) / 1e9 / steps);
                evalPlain.add(plain);
                evalProb.add(withProbabilities);
                figures.add(((t3 - t2) + (t5 - t4)) / 1e9);
                double epoch = batchesPerEpoch * step.get(step.size() - 1) + plain;
                share.add(figures.get(figures.size() - 1) / epoch);
                System.out.printf(Locale.ROOT, "round %d: step %.1f ms, evaluation %.3f s plain, %.3f s with probabilities,"
                                + " figures %.1f ms = %.2f%% of this round's epoch estimate (%.1f s)%n",
                        round, 1e3 * step.get(step.size() - 1), plain, withProbabilities, 1e3 * figures.get(figures.size() - 1),
                        100 * share.get(share.size() - 1), epoch);
            }
        }
        double stepS = median(step), plainS = median(evalPlain), probS = median(evalProb), figS = median(figures);
        double epoch = batchesPerEpoch * stepS + plainS;
        double cost = figS + Math.max(0, probS - plainS);
        System.out.printf(Locale.ROOT, "medians of %d rounds: step %.1f ms (x %d = %.2f s), evaluation %.3f s plain / %.3f s with"
                        + " probabilities, figures %.1f ms%n", rounds, 1e3 * stepS, batchesPerEpoch, batchesPerEpoch * stepS,
                plainS, probS, 1e3 * figS);
        System.out.printf(Locale.ROOT, "estimated epoch %.2f s; figures' cost %.1f ms = %.2f%% of it;"
                + " median of the rounds' own shares %.2f%%%n", epoch, 1e3 * cost, 100 * cost / epoch, 100 * median(share));
    }

    /** The run's held-out evaluation (as TrainingRun.evaluate), with or without handing probabilities to the probe; seconds. */
    private static double evaluate(Network net, Dataset test, NormalizationStats norm, int chunk, EpochProbe probe) {
        long start = System.nanoTime();
        for (int from = 0; from < test.size(); from += chunk) {
            int count = Math.min(chunk, test.size() - from);
            try (INDArray x = batchOf(test, from, count, norm)) {
                int[] labels = labels(test, from, count);
                double[] p = probe == null ? null : new double[count * net.classes()];
                net.evaluate(x, labels, p);
                if (probe != null) {
                    probe.heldOut(from, labels, count, p);
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static INDArray batchOf(Dataset data, int from, int count, NormalizationStats norm) {
        float[] pixels = new float[count * data.imageSize()];
        for (int i = 0; i < count; i++) {
            data.copyImageAsFloat(from + i, pixels, i * data.imageSize());
        }
        norm.apply(pixels, 0, pixels.length);
        return Nd4j.createFromArray(pixels).reshape('c', count, data.rows(), data.cols(), 1).castTo(DataType.FLOAT);
    }

    private static int[] labels(Dataset data, int from, int count) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = data.label(from + i);
        }
        return labels;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private ProbeCost() {
    }
}
