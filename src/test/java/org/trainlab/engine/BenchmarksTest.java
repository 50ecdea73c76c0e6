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

/** {@code bench --layers}: every layer of the network, in order, each pass timed. */
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
}
