package org.trainlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainlab.engine.nn.Architectures;
import org.trainlab.engine.nn.Layer;
import org.trainlab.engine.nn.Network;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;

/**
 * {@code bench --layers}: every layer of the network, in order, each pass timed, with the work each pass
 * cannot do without, counted from the values the step really passed (the floors beside the times).
 */
class BenchmarksTest {

    @Test
    void theLayerProfileTimesEveryLayerOfTheNetworkBothWays() {
        Benchmarks.LayerProfile profile = Benchmarks.layerProfile(true, 8, 5);
        List<String> expected;
        try (Network net = Architectures.build(new ModelSettings(ModelKind.CNN, true, 0))) {
            expected = net.layers().stream().map(Layer::toString).toList();
        }
        assertEquals(expected, profile.layers().stream().map(Benchmarks.LayerTime::layer).toList());
        double sum = 0;
        for (Benchmarks.LayerTime layer : profile.layers()) {
            assertTrue(layer.forwardMillis() > 0 && layer.backwardMillis() > 0, layer.toString());
            sum += layer.forwardMillis() + layer.backwardMillis();
        }
        // the layers are most of a step; the loss and the optimizer's update the rest
        assertTrue(profile.stepMillis() > 0 && sum < 2 * profile.stepMillis(), "layers " + sum + " ms, step " + profile.stepMillis() + " ms");
    }

    @Test
    void eachPassCountsTheArithmeticAndTheValuesItCannotDoWithout() {
        int batch = 8;
        List<Benchmarks.LayerTime> layers = Benchmarks.layerProfile(true, batch, 3).layers();
        Benchmarks.LayerTime conv1 = layers.get(0), bn1 = layers.get(1), relu1 = layers.get(2), conv2 = layers.get(3);
        Benchmarks.LayerTime relu2 = layers.get(5), pool1 = layers.get(6), dense = layers.get(11);
        assertTrue(conv1.layer().startsWith("Conv2d") && conv2.layer().startsWith("Conv2d") && relu2.layer().startsWith("Relu")
                && pool1.layer().startsWith("MaxPool2d") && dense.layer().startsWith("Dense 128"), layers.toString());
        // a 3x3 convolution: two operations per weight and output pixel; backward twice that, but only the
        // weights' half for the first layer, whose input gradient nobody needs
        double conv2Flops = 2.0 * batch * 28 * 28 * (32 * 16 * 9);
        assertEquals(conv2Flops, conv2.forwardFlops(), 1e-6);
        assertEquals(2 * conv2Flops, conv2.backwardFlops(), 1e-6);
        assertEquals(2.0 * batch * 28 * 28 * 16 * 9, conv1.forwardFlops(), 1e-6);
        assertEquals(conv1.forwardFlops(), conv1.backwardFlops(), 1e-6);
        assertEquals(2.0 * batch * 3136 * 128, dense.forwardFlops(), 1e-6);
        assertEquals(0, bn1.forwardFlops());
        // bytes: input and output once forward; output gradient, input and input gradient backward
        double activation = 4.0 * batch * 28 * 28 * 16;
        assertEquals(2 * activation, bn1.forwardBytes(), 1e-6);
        assertEquals(3 * activation, relu1.backwardBytes(), 1e-6);
        assertEquals(4.0 * batch * 28 * 28, conv1.forwardBytes() - activation, 1e-6);
        assertEquals(4.0 * batch * (28 * 28 * 32 + 14 * 14 * 32), pool1.forwardBytes(), 1e-6);
        // the ReLU before a pool runs after it in a training step, on a quarter of the values
        assertEquals(2 * 4.0 * batch * 14 * 14 * 32, relu2.forwardBytes(), 1e-6);
        // the floor is the longer of the arithmetic at the product's rate and the traffic at the copy's
        assertEquals(2.0, Benchmarks.LayerTime.floorMillis(2e9, 1e9, 1e12, 1e12), 1e-12);
        assertEquals(3.0, Benchmarks.LayerTime.floorMillis(2e9, 3e9, 1e12, 1e12), 1e-12);
    }
}
