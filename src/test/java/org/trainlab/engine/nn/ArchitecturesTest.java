package org.trainlab.engine.nn;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainlab.engine.NativeRuntime;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;

import java.util.List;

import org.trainlab.engine.nn.Network.BatchResult;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §3 init, §7 batch norm and §8 dropout as the network is built. */
class ArchitecturesTest {

    @BeforeAll
    static void load() {
        NativeRuntime.ensureLoaded();
    }

    private static String kinds(Network net) {
        return net.layers().stream().map(l -> l.getClass().getSimpleName()).collect(Collectors.joining(" "));
    }

    @Test
    void tutorialCnnHasItsLayersInOrder() {
        try (Network plain = Architectures.build(new ModelSettings(ModelKind.CNN, false, 0))) {
            assertEquals("Conv2d Relu Conv2d Relu MaxPool2d Conv2d Relu MaxPool2d Dense Relu Dense Relu Dense", kinds(plain));
            assertEquals(10, plain.classes());
            // conv 16*1*9+16, 32*16*9+32, 64*32*9+64; fc 3136*128+128, 128*64+64, 64*10+10
            long expected = 160 + 4640 + 18496 + 401536 + 8256 + 650;
            assertEquals(expected, plain.paramCount());
        }
    }

    @Test
    void batchNormGoesAfterEveryConvAndHiddenDenseBeforeTheRelu() {
        try (Network bn = Architectures.build(new ModelSettings(ModelKind.CNN, true, 0.2))) {
            assertEquals("Conv2d BatchNorm Relu Dropout Conv2d BatchNorm Relu Dropout MaxPool2d "
                    + "Conv2d BatchNorm Relu Dropout MaxPool2d Dense BatchNorm Relu Dropout Dense BatchNorm Relu Dropout Dense", kinds(bn));
            List<Dropout> drops = bn.layers().stream().filter(l -> l instanceof Dropout).map(l -> (Dropout) l).toList();
            assertEquals(List.of(true, true, true, false, false), drops.stream().map(Dropout::spatial).toList());
            drops.forEach(d -> assertEquals(0.2, d.rate()));
        }
    }

    @Test
    void mlpIsThreeDenseLayers() {
        try (Network mlp = Architectures.build(new ModelSettings(ModelKind.MLP, false, 0))) {
            assertEquals("Dense Relu Dense Relu Dense", kinds(mlp));
            assertEquals(784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10, mlp.paramCount());
        }
    }

    @ParameterizedTest
    @EnumSource(InitKind.class)
    void initialWeightsHaveTheSpreadOfTheirScheme(InitKind kind) {
        WeightInit init = new WeightInit(kind, 0.1);
        try (Network net = Architectures.build(new ModelSettings(ModelKind.CNN, false, 0))) {
            net.initialize(init, 5);
            for (Layer layer : net.layers()) {
                if (layer.weightCount() == 0 || layer.weightCount() < 4000) {
                    continue; // the first conv (144 weights) is too small for a tight estimate
                }
                long[] fans = layer.fans();
                double expected = init.std(fans[0], fans[1]);
                double[] w = weightsOf(net, layer);
                double mean = 0, sq = 0;
                for (double v : w) {
                    mean += v;
                    sq += v * v;
                }
                mean /= w.length;
                double std = Math.sqrt(sq / w.length - mean * mean);
                assertEquals(expected, std, expected * 0.05, layer + " std");
                assertEquals(0, mean, expected * 0.05, layer + " mean");
                if (kind == InitKind.HE_UNIFORM || kind == InitKind.XAVIER_UNIFORM) {
                    double bound = Math.sqrt(3) * expected;
                    for (double v : w) {
                        assertTrue(Math.abs(v) <= bound + 1e-6, "uniform weight " + v + " beyond " + bound);
                    }
                }
            }
            // biases start at zero
            double[] all = net.params().toDoubleVector();
            for (long i = net.weightCount(); i < net.paramCount(); i++) {
                assertEquals(0, all[(int) i]);
            }
        }
    }

    /**
     * A network's work arrays are made for the largest batch it has seen and every smaller batch writes into
     * them: an epoch's short last batch and evaluation's chunks make nothing new, and compute what a network
     * that never saw a larger batch computes.
     */
    @Test
    void workArraysAreMadeForTheLargestBatchAndSmallerOnesReuseThem() {
        ModelSettings model = new ModelSettings(ModelKind.CNN, true, 0.2);
        INDArray small = batch(16);
        float[] freshGrads;
        BatchResult fresh, freshEval;
        try (Network net = Architectures.build(model)) {
            net.initialize(new WeightInit(InitKind.HE_NORMAL, 0), 3);
            fresh = net.trainStep(small, labels(16), new Layer.StepKey(3, 2));
            freshGrads = net.grads().toFloatVector();
            freshEval = net.evaluate(small, labels(16));
        }
        try (Network net = Architectures.build(model)) {
            net.initialize(new WeightInit(InitKind.HE_NORMAL, 0), 3);
            INDArray large = batch(64);
            net.evaluate(large, labels(64)); // inference only: no running statistics change
            long oneBatch = net.workBytes();
            assertTrue(oneBatch > 64L * 28 * 28 * 16 * 4, "at least the first conv's output: " + oneBatch);
            BatchResult again = net.trainStep(small, labels(16), new Layer.StepKey(3, 2));
            BatchResult evalAgain = net.evaluate(small, labels(16));
            net.trainStep(large, labels(64), new Layer.StepKey(3, 1));
            long trained = net.workBytes();
            assertEquals(fresh.loss(), again.loss(), 1e-6, "the small batch in the large batch's arrays");
            assertEquals(fresh.correct(), again.correct());
            assertEquals(freshEval.loss(), evalAgain.loss(), 1e-6, "evaluation of the small batch in the large one's arrays");
            net.trainStep(small, labels(16), new Layer.StepKey(3, 2));
            float[] grads = net.grads().toFloatVector();
            for (int i = 0; i < grads.length; i++) {
                assertEquals(freshGrads[i], grads[i], 1e-5 * Math.max(1, Math.abs(freshGrads[i])), "gradient " + i);
            }
            net.evaluate(batch(48), labels(48));
            assertEquals(trained, net.workBytes(), "smaller batches and chunks make nothing new");
            net.evaluate(batch(100), labels(100));
            assertTrue(net.workBytes() > trained, "a larger chunk grows the arrays: " + net.workBytes());
        }
    }

    private static INDArray batch(int n) {
        return Nd4j.rand(DataType.FLOAT, n, 28, 28, 1);
    }

    private static int[] labels(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        return labels;
    }

    /**
     * Evaluation runs a ReLU after the max pool that follows it (a quarter of the values); the probabilities
     * and the loss are those of the layers run in order, to the bit, with batch norm and dropout or without.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"false,0", "true,0.2", "false,0.3"})
    void evaluationGivesTheLayersInOrdersResultsToTheBit(boolean batchNorm, double dropout) {
        try (Network net = Architectures.build(new ModelSettings(ModelKind.CNN, batchNorm, dropout))) {
            net.initialize(new WeightInit(InitKind.HE_NORMAL, 0), 5);
            java.util.SplittableRandom random = new java.util.SplittableRandom(2);
            int n = 12;
            // images from the test's own generator, centred so that many pre-activations are negative
            double[] pixels = random.doubles(n * 28 * 28, -1, 1).toArray();
            INDArray x = Nd4j.create(pixels, new long[] {n, 28, 28, 1}, DataType.FLOAT);
            int[] labels = random.ints(n, 0, 10).toArray();
            net.trainStep(x, labels, new Layer.StepKey(1, 1)); // running statistics away from 0 and 1
            List<INDArray> inOrder = net.inferLayers(x);
            double[] expected = new double[n * 10];
            BatchResult reference = Network.softmaxCrossEntropy(inOrder.get(inOrder.size() - 1), labels, null, expected);
            double[] probabilities = new double[n * 10];
            BatchResult evaluated = net.evaluate(x, labels, probabilities);
            assertTrue(java.util.Arrays.equals(expected, probabilities), "the same probabilities, bit for bit");
            assertEquals(reference.loss(), evaluated.loss(), 0.0);
            assertEquals(reference.correct(), evaluated.correct());
        }
    }

    @Test
    void normalInitUsesSigma() {
        assertEquals(0.37, new WeightInit(InitKind.NORMAL, 0.37).std(100, 10));
        assertEquals(Math.sqrt(2.0 / 288), new WeightInit(InitKind.HE_NORMAL, 0).std(288, 576));
        assertEquals(Math.sqrt(2.0 / (288 + 576)), new WeightInit(InitKind.XAVIER_UNIFORM, 0).std(288, 576));
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        try (Network a = Architectures.build(new ModelSettings(ModelKind.CNN, true, 0));
             Network b = Architectures.build(new ModelSettings(ModelKind.CNN, true, 0))) {
            a.initialize(new WeightInit(InitKind.HE_NORMAL, 0), 9);
            b.initialize(new WeightInit(InitKind.HE_NORMAL, 0), 9);
            assertEquals(a.params(), b.params());
            b.initialize(new WeightInit(InitKind.HE_NORMAL, 0), 10);
            assertTrue(!a.params().equals(b.params()));
        }
    }

    @Test
    void dropoutDropsItsRateAndScalesSurvivorsOnlyInTraining() {
        Dropout dense = new Dropout(0.2, false, 1);
        dense.configure(new long[] {500}, DataType.FLOAT);
        INDArray x = Nd4j.ones(DataType.FLOAT, 40, 500);
        INDArray out = dense.forward(x, true, new Layer.StepKey(1, 1));
        double[] v = out.reshape(out.length()).toDoubleVector();
        int zeros = 0;
        for (double d : v) {
            assertTrue(d == 0 || Math.abs(d - 1 / 0.8) < 1e-6, "value " + d);
            zeros += d == 0 ? 1 : 0;
        }
        assertEquals(0.2, zeros / (double) v.length, 0.01);
        assertEquals(x, dense.forward(x, false, null), "inference mode passes the input through");

        Dropout spatial = new Dropout(0.5, true, 2);
        spatial.configure(new long[] {4, 4, 64}, DataType.FLOAT);
        INDArray img = Nd4j.ones(DataType.FLOAT, 8, 4, 4, 64);
        INDArray y = spatial.forward(img, true, new Layer.StepKey(1, 1));
        for (int n = 0; n < 8; n++) {
            for (int c = 0; c < 64; c++) {
                double first = y.getDouble(n, 0, 0, c);
                for (int h = 0; h < 4; h++) {
                    for (int w = 0; w < 4; w++) {
                        assertEquals(first, y.getDouble(n, h, w, c), "a channel is dropped or kept whole");
                    }
                }
            }
        }
    }

    private static double[] weightsOf(Network net, Layer target) {
        long at = 0;
        for (Layer layer : net.layers()) {
            if (layer == target) {
                return net.weights().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(at, at + layer.weightCount())).toDoubleVector();
            }
            at += layer.weightCount();
        }
        throw new IllegalArgumentException("not in the network");
    }
}
