package org.trainlab.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.trainlab.experiment.architecture.Architecture;
import org.trainlab.experiment.architecture.LayerSpec;
import org.trainlab.experiment.settings.ModelSettings;

/**
 * Builds the engine's network from the layer list {@link Architecture#of} describes (the exporters write their
 * code from the same list). Inputs are inferred from the image shape, so flattening needs no layer of its own;
 * each dropout layer gets its own salt (1, 2, ...) for its masks.
 */
public final class Architectures {

    public static final int IMAGE_SIDE = Architecture.IMAGE_SIDE;
    public static final int CLASSES = Architecture.CLASSES;

    private Architectures() {
    }

    public static Network build(ModelSettings model) {
        return build(model, DataType.FLOAT);
    }

    public static Network build(ModelSettings model, DataType dataType) {
        return layers(model).build(dataType, IMAGE_SIDE, IMAGE_SIDE, 1);
    }

    /** The network's layers, not yet built (the test of the training order builds them both ways). */
    static Network.Builder layers(ModelSettings model) {
        Network.Builder b = new Network.Builder();
        int salt = 0;
        for (LayerSpec spec : Architecture.of(model)) {
            if (spec instanceof LayerSpec.Conv conv) {
                b.add(new Conv2d(conv.out(), conv.kernel()));
            } else if (spec instanceof LayerSpec.BatchNorm) {
                b.add(new BatchNorm());
            } else if (spec instanceof LayerSpec.Relu) {
                b.add(new Relu());
            } else if (spec instanceof LayerSpec.MaxPool) {
                b.add(new MaxPool2d());
            } else if (spec instanceof LayerSpec.Dropout dropout) {
                b.add(new Dropout(dropout.rate(), dropout.spatial(), ++salt));
            } else if (spec instanceof LayerSpec.Dense dense) {
                b.add(new Dense(dense.out()));
            }
        }
        return b;
    }
}
