package org.trainlab.engine.probe;

import java.util.ArrayList;
import java.util.List;
import org.trainlab.engine.nn.Layer;
import org.trainlab.experiment.architecture.Architecture;
import org.trainlab.engine.nn.Network;

/**
 * Where each weight layer of a network is: its name (conv1.., fc1..), its weights' place in the flat
 * parameter vector (weights of every layer come first, in layer order), and which layer's output is
 * its activation (the ReLU after it; the layer itself when no ReLU follows, as for the logits).
 */
record WeightLayout(List<Entry> entries) {

    /**
     * @param name            conv1.., fc1..
     * @param offset          first weight in {@link Network#params()}
     * @param count           weights
     * @param activationLayer index in {@link Network#layers()} of the layer whose output is the activation
     * @param relu            whether that output is a ReLU's
     * @param outShape        the layer's output shape without the batch ([h, w, c] for conv, [n] for fc)
     */
    record Entry(String name, long offset, long count, int activationLayer, boolean relu, long[] outShape) {

        boolean conv() {
            return outShape.length == 3;
        }
    }

    static WeightLayout of(Network net) {
        List<Layer> layers = net.layers();
        List<Entry> entries = new ArrayList<>();
        long offset = 0;
        int convs = 0, denses = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            long count = layer.weightCount();
            if (count == 0) {
                continue;
            }
            long[] shape = layer.outShape();
            String name = shape.length == 3 ? Architecture.weightLayerName(true, ++convs)
                    : Architecture.weightLayerName(false, ++denses);
            int activation = i;
            boolean relu = false;
            for (int j = i + 1; j < layers.size() && layers.get(j).weightCount() == 0; j++) {
                if (layers.get(j).kind().equals("Relu")) {
                    activation = j;
                    relu = true;
                    break;
                }
            }
            entries.add(new Entry(name, offset, count, activation, relu, shape));
            offset += count;
        }
        return new WeightLayout(List.copyOf(entries));
    }
}
