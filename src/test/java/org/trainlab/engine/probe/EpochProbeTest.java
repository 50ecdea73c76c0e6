package org.trainlab.engine.probe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.data.BundledDigits;
import org.trainlab.data.Dataset;
import org.trainlab.data.DatasetSplit;
import org.trainlab.engine.TrainingListener;
import org.trainlab.engine.TrainingRun;
import org.trainlab.experiment.inside.ConfusionMatrix;
import org.trainlab.experiment.inside.FeatureMap;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.LayerProbe;
import org.trainlab.experiment.inside.Mistake;
import org.trainlab.experiment.inside.TrainedNetwork;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.io.WeightsFile;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.InitSettings;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.architecture.Architecture;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.settings.TrainingSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inside figures of short runs on a few hundred real digits, checked against what the trained network does. */
class EpochProbeTest {

    private static final int HELD_OUT = 150;

    /** Collects the inside records, the weights and the epochs, in the order they arrive. */
    static final class Heard implements TrainingListener {
        final List<InsideEpoch> inside = new ArrayList<>();
        final List<TrainedWeights> weights = new ArrayList<>();
        final List<String> order = new ArrayList<>();

        @Override
        public void onInside(InsideEpoch i) {
            inside.add(i);
            order.add("inside " + i.epoch());
        }

        @Override
        public void onWeights(TrainedWeights w) {
            weights.add(w);
            order.add("weights " + w.epoch());
        }

        @Override
        public void onEpoch(EpochMetrics m) {
            order.add("epoch " + m.epoch());
        }
    }

    /** Bundled digits with the held-out set cut to its first {@value #HELD_OUT}. */
    static DatasetSplit tiny() throws java.io.IOException {
        DatasetSplit all = BundledDigits.load();
        return new DatasetSplit(all.train(), all.test().prefix(HELD_OUT));
    }

    static ExperimentSettings settings(ModelSettings model, InitSettings init, int trainSize, int epochs) {
        return Defaults.settings().withData(new DataSettings(DatasetSource.BUNDLED_DIGITS, null, trainSize))
                .withModel(model).withInit(init).withTraining(new TrainingSettings(epochs, 64, 5));
    }

    static Heard train(ExperimentSettings s, boolean probes) {
        Heard heard = new Heard();
        TrainingRun run = new TrainingRun(s, (d, l, c) -> tiny().withTrainSize(d.trainSize()), heard);
        run.setProbes(probes);
        assertEquals(RunState.COMPLETED, run.run());
        return heard;
    }

    @Test
    void confusionAndMistakesAreWhatTheTrainedNetworkPredictsAndWeightsSurviveTheirFile(@TempDir Path dir) throws Exception {
        ExperimentSettings s = settings(new ModelSettings(ModelKind.CNN, true, 0.2), new InitSettings(InitKind.HE_NORMAL, 0.1), 192, 2);
        Heard heard = train(s, true);
        assertEquals(List.of("inside 1", "weights 1", "epoch 1", "inside 2", "weights 2", "epoch 2"), heard.order);
        InsideEpoch last = heard.inside.get(1);
        TrainedWeights weights = heard.weights.get(1);
        assertEquals(2, weights.epoch());

        Dataset test = tiny().test();
        int[][] byHand = new int[10][10];
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            float[] image = new float[784];
            test.copyImageAsFloat(i, image, 0);
            images.add(image);
        }
        List<double[]> probabilities;
        try (TrainedNetwork net = TrainedNetworks.open(weights)) {
            probabilities = List.of(net.classifyAll(images));
        }
        for (int i = 0; i < test.size(); i++) {
            byHand[test.label(i)][argmax(probabilities.get(i))]++;
        }
        assertEquals(new ConfusionMatrix(byHand), last.confusion());
        assertEquals(HELD_OUT, last.confusion().total());
        int wrong = HELD_OUT - last.confusion().correct();
        assertTrue(wrong > 0, "a network trained on 192 digits for two epochs still makes mistakes");
        assertEquals(Math.min(wrong, InsideEpoch.WORST_KEPT), Math.min(last.mistakes().size(), InsideEpoch.WORST_KEPT));
        double previous = Double.POSITIVE_INFINITY;
        for (Mistake m : last.mistakes()) {
            double[] p = probabilities.get(m.heldOutIndex());
            assertEquals(test.label(m.heldOutIndex()), m.trueClass());
            assertEquals(argmax(p), m.predictedClass());
            assertTrue(m.trueClass() != m.predictedClass());
            assertEquals(p[m.predictedClass()], m.confidence(), 1e-4);
            assertTrue(m.confidence() <= previous, "worst first");
            previous = m.confidence();
            assertEquals(3, m.top().size());
            assertEquals(m.predictedClass(), m.top().get(0).digit());
            assertTrue(m.top().get(1).probability() >= m.top().get(2).probability());
        }

        Path file = dir.resolve("run.weights");
        WeightsFile.write(file, weights);
        TrainedWeights loaded = WeightsFile.read(file);
        assertEquals(weights, loaded);
        float[] image = new float[784];
        try (TrainedNetwork before = TrainedNetworks.open(weights); TrainedNetwork after = TrainedNetworks.open(loaded)) {
            double[][] again = after.classifyAll(images);
            assertArrayEquals(before.classifyAll(images), again, "the same weights, the same probabilities");
            for (double[] p : again) {
                assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-5);
            }
            test.copyImageAsFloat(0, image, 0);
            assertArrayEquals(before.classify(image), after.classify(image));
            List<FeatureMap> maps = after.featureMaps(image);
            assertEquals(List.of("conv1", "conv2", "conv3"), maps.stream().map(FeatureMap::layer).toList());
            assertEquals(List.of(16, 32, 64), maps.stream().map(FeatureMap::channels).toList());
            assertEquals(List.of(28, 28, 14), maps.stream().map(FeatureMap::height).toList());
            assertTrue(maps.stream().allMatch(m -> java.util.Arrays.stream(toDouble(m.values())).allMatch(v -> v >= 0)),
                    "feature maps are ReLU outputs");
            after.close();
            assertThrows(IllegalStateException.class, () -> after.classify(image));
        }
        byte[] damaged = Files.readAllBytes(file);
        damaged[damaged.length / 2] ^= 0x55;
        Files.write(file, damaged);
        assertThrows(java.io.IOException.class, () -> WeightsFile.read(file));
    }

    @Test
    void histogramsCountEveryWeightAndFiltersAreTheFirstLayer() {
        ExperimentSettings s = settings(new ModelSettings(ModelKind.CNN, false, 0), new InitSettings(InitKind.HE_NORMAL, 0.1), 128, 1);
        Heard heard = train(s, true);
        InsideEpoch inside = heard.inside.get(0);
        assertEquals(List.of("conv1", "conv2", "conv3", "fc1", "fc2", "fc3"), inside.layers().stream().map(LayerProbe::name).toList());
        assertEquals(Architecture.weightLayerNames(s.model()), inside.layers().stream().map(LayerProbe::name).toList(),
                "the rows the window plans before the first epoch are the layers measured");
        // weights only: 16x1x3x3, 32x16x3x3, 64x32x3x3, (7*7*64)x128, 128x64, 64x10
        assertEquals(List.of(144L, 4608L, 18432L, 401408L, 8192L, 640L),
                inside.layers().stream().map(LayerProbe::weightCount).toList());
        for (LayerProbe layer : inside.layers()) {
            assertEquals(layer.weightCount(), java.util.Arrays.stream(layer.weights().counts()).sum(), layer.name());
            assertEquals(layer.weightCount(), layer.weights().total(), layer.name());
            assertTrue(layer.gradientNorm() > 0, layer.name());
            assertTrue(layer.log10UpdateRatio() < 0 && layer.log10UpdateRatio() > -8, layer.name() + " " + layer.log10UpdateRatio());
            assertTrue(layer.activationStd() > 0, layer.name());
        }
        assertEquals(0, inside.layer("fc3").zeroFraction(), "the logits have no ReLU");
        assertEquals(64, inside.probeImages(), "the probe batch is a training batch");
        float[] params = heard.weights.get(0).parameters();
        assertNotNull(inside.firstLayerFilters());
        assertEquals(16, inside.firstLayerFilters().count());
        assertEquals(params[9 + 4], inside.firstLayerFilters().value(1, 1, 1), "filter 1, centre: weights [out, in, 3, 3] first");

        ExperimentSettings mlp = settings(new ModelSettings(ModelKind.MLP, false, 0), new InitSettings(InitKind.HE_NORMAL, 0.1), 128, 1);
        InsideEpoch m = train(mlp, true).inside.get(0);
        assertEquals(List.of("fc1", "fc2", "fc3"), m.layers().stream().map(LayerProbe::name).toList());
        assertEquals(Architecture.weightLayerNames(mlp.model()), m.layers().stream().map(LayerProbe::name).toList());
        assertNull(m.firstLayerFilters());
    }

    @Test
    void smallInitialWeightsWithoutBatchNormShrinkTheActivationsLayerByLayer() {
        ModelSettings plain = new ModelSettings(ModelKind.CNN, false, 0);
        InsideEpoch small = train(settings(plain, new InitSettings(InitKind.NORMAL, 0.01), 128, 1), true).inside.get(0);
        InsideEpoch he = train(settings(plain, new InitSettings(InitKind.HE_NORMAL, 0.1), 128, 1), true).inside.get(0);
        double smallRatio = small.layer("conv3").activationStd() / small.layer("conv1").activationStd();
        double heRatio = he.layer("conv3").activationStd() / he.layer("conv1").activationStd();
        assertTrue(smallRatio < 0.5, "N(0, 0.01): conv3 std / conv1 std = " + smallRatio);
        assertTrue(heRatio > 5 * smallRatio, "He keeps them: " + heRatio + " against " + smallRatio);
    }

    @Test
    void probesOffSendNoInsideFiguresButStillTheWeights() {
        ExperimentSettings s = settings(new ModelSettings(ModelKind.MLP, false, 0), new InitSettings(InitKind.HE_NORMAL, 0.1), 128, 1);
        Heard heard = train(s, false);
        assertTrue(heard.inside.isEmpty());
        assertEquals(1, heard.weights.size());
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
