package org.trainlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

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

/**
 * Training runs a ReLU (and the spatial dropout after it) after the max pool that follows it; the same
 * network trained in its layers' order gives the same losses and gradients to the bit, step after step,
 * with batch norm and dropout or without, and a smaller last batch.
 */
class NetworkOrderTest {

    @BeforeAll
    static void load() {
        NativeRuntime.ensureLoaded();
    }

    /**
     * An elementwise dropout between the ReLU and the pool does not commute with the maximum: that group keeps
     * its order (run both ways, the results would differ if the pool went first).
     */
    @ParameterizedTest(name = "spatial={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void anElementwiseDropoutKeepsThePoolAfterIt(boolean spatial) {
        java.util.function.Supplier<Network.Builder> layers = () -> new Network.Builder().add(new Conv2d(4, 3))
                .add(new Relu()).add(new Dropout(0.5, spatial, 1)).add(new MaxPool2d()).add(new Dense(10));
        try (Network built = layers.get().build(DataType.FLOAT, 8, 8, 1);
             Network inOrder = layers.get().buildInLayerOrder(DataType.FLOAT, 8, 8, 1)) {
            built.initialize(new WeightInit(InitKind.HE_NORMAL, 0), 2);
            inOrder.initialize(new WeightInit(InitKind.HE_NORMAL, 0), 2);
            SplittableRandom random = new SplittableRandom(3);
            INDArray x = Nd4j.create(random.doubles(6 * 64, -1, 1).toArray(), new long[] {6, 8, 8, 1}, DataType.FLOAT);
            int[] labels = random.ints(6, 0, 10).toArray();
            Layer.StepKey key = new Layer.StepKey(2, 1);
            assertEquals(inOrder.trainStep(x, labels, key).loss(), built.trainStep(x, labels, key).loss(), 0.0);
            assertArrayEquals(inOrder.grads().toFloatVector(), built.grads().toFloatVector());
        }
    }

    @ParameterizedTest(name = "batchNorm={0} dropout={1}")
    @CsvSource({"false,0", "true,0", "true,0.3", "false,0.5"})
    void poolFirstTrainsAsTheLayersInOrder(boolean batchNorm, double dropout) {
        ModelSettings model = new ModelSettings(ModelKind.CNN, batchNorm, dropout);
        int side = Architectures.IMAGE_SIDE;
        try (Network pooledFirst = Architectures.layers(model).build(DataType.FLOAT, side, side, 1);
             Network inOrder = Architectures.layers(model).buildInLayerOrder(DataType.FLOAT, side, side, 1)) {
            pooledFirst.initialize(new WeightInit(InitKind.HE_NORMAL, 0), 4);
            inOrder.initialize(new WeightInit(InitKind.HE_NORMAL, 0), 4);
            SplittableRandom random = new SplittableRandom(6);
            for (int step = 1; step <= 3; step++) {
                int batch = step == 3 ? 5 : 9;
                // centred images: many pre-activations negative, whole pooling windows among them
                INDArray x = Nd4j.create(random.doubles((long) batch * side * side, -1, 1).toArray(),
                        new long[] {batch, side, side, 1}, DataType.FLOAT);
                int[] labels = random.ints(batch, 0, 10).toArray();
                Layer.StepKey key = new Layer.StepKey(8, step);
                Network.BatchResult a = pooledFirst.trainStep(x, labels, key);
                Network.BatchResult b = inOrder.trainStep(x, labels, key);
                assertEquals(b.loss(), a.loss(), 0.0, "loss, step " + step);
                assertEquals(b.correct(), a.correct(), "correct, step " + step);
                assertArrayEquals(inOrder.grads().toFloatVector(), pooledFirst.grads().toFloatVector(), "gradients, step " + step);
                // the same update on both, so that the next step starts from the same weights
                pooledFirst.params().subi(pooledFirst.grads().mul(0.05));
                inOrder.params().subi(inOrder.grads().mul(0.05));
            }
        }
    }
}
