package org.trainlab.engine.nn;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainlab.engine.NativeRuntime;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written back-propagation against central finite differences, in double precision, for
 * every layer kind: conv, pooling, dense, batch norm (through the batch statistics) and dropout
 * (whose mask is a function of the step key, so it is the same for every perturbed pass).
 */
class GradientCheckTest {

    @BeforeAll
    static void load() {
        NativeRuntime.ensureLoaded();
    }

    @ParameterizedTest(name = "{0} batchNorm={1} dropout={2}")
    @CsvSource({"CNN,false,0", "CNN,true,0", "CNN,true,0.3", "MLP,false,0.5", "MLP,true,0"})
    void analyticGradientsMatchFiniteDifferences(ModelKind kind, boolean batchNorm, double dropout) {
        try (Network net = Architectures.build(new ModelSettings(kind, batchNorm, dropout), DataType.DOUBLE)) {
            net.initialize(new WeightInit(InitKind.XAVIER_NORMAL, 0.1), 7);
            Random random = new Random(3);
            int batch = 3;
            // the images from this test's own generator: ND4J's is shared with the tests run before in this JVM,
            // and an image that puts a probe on a ReLU's or a pooling's kink makes the finite difference wrong
            double[] pixels = new double[batch * 28 * 28];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = random.nextDouble();
            }
            INDArray x = Nd4j.create(pixels, new long[] {batch, 28, 28, 1}, DataType.DOUBLE);
            int[] labels = new int[batch];
            for (int i = 0; i < batch; i++) {
                labels[i] = random.nextInt(10);
            }
            Layer.StepKey key = new Layer.StepKey(11, 5);
            net.trainStep(x, labels, key);
            double[] analytic = net.grads().toDoubleVector();
            INDArray params = net.params();
            double h = 1e-6;
            int checked = 0, worst = -1;
            double worstError = 0;
            for (int n = 0; n < 24; n++) {
                // half the probes in the weights, half in biases and batch-norm parameters
                long i = n % 2 == 0 ? (long) (random.nextDouble() * net.weightCount())
                        : net.weightCount() + (long) (random.nextDouble() * (net.paramCount() - net.weightCount()));
                double original = params.getDouble(i);
                params.putScalar(i, original + h);
                double plus = net.trainStep(x, labels, key).loss();
                params.putScalar(i, original - h);
                double minus = net.trainStep(x, labels, key).loss();
                params.putScalar(i, original);
                double numeric = (plus - minus) / (2 * h);
                double scale = Math.max(1e-4, Math.max(Math.abs(numeric), Math.abs(analytic[(int) i])));
                double error = Math.abs(numeric - analytic[(int) i]) / scale;
                if (error > worstError) {
                    worstError = error;
                    worst = (int) i;
                }
                checked++;
            }
            assertTrue(worstError < 1e-3, "worst relative error " + worstError + " at parameter " + worst
                    + " (analytic " + analytic[worst] + ") of " + checked + " probes");
        }
    }
}
