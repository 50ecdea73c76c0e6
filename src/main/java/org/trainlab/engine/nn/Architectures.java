package org.trainlab.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;

/**
 * The networks TrainLab trains, laid out as the tutorial does: each conv or hidden fc layer is
 * followed by batch norm (§7, when on), then ReLU, then dropout (§8, when on; spatial after convs).
 */
public final class Architectures {

    public static final int IMAGE_SIDE = 28;
    public static final int CLASSES = 10;

    private Architectures() {
    }

    public static Network build(ModelSettings model) {
        return build(model, DataType.FLOAT);
    }

    public static Network build(ModelSettings model, DataType dataType) {
        Network.Builder b = new Network.Builder();
        int salt = 0;
        if (model.kind() == ModelKind.CNN) {
            salt = convBlock(b, 16, model, salt);
            salt = convBlock(b, 32, model, salt);
            b.add(new MaxPool2d());
            salt = convBlock(b, 64, model, salt);
            b.add(new MaxPool2d());
        }
        salt = denseBlock(b, 128, model, salt);
        denseBlock(b, 64, model, salt);
        b.add(new Dense(CLASSES));
        return b.build(dataType, IMAGE_SIDE, IMAGE_SIDE, 1);
    }

    private static int convBlock(Network.Builder b, int channels, ModelSettings model, int salt) {
        b.add(new Conv2d(channels, 3));
        return activation(b, model, true, salt);
    }

    private static int denseBlock(Network.Builder b, int features, ModelSettings model, int salt) {
        b.add(new Dense(features));
        return activation(b, model, false, salt);
    }

    private static int activation(Network.Builder b, ModelSettings model, boolean spatial, int salt) {
        if (model.batchNorm()) {
            b.add(new BatchNorm());
        }
        b.add(new Relu());
        if (model.dropoutRate() > 0) {
            b.add(new Dropout(model.dropoutRate(), spatial, salt + 1));
            return salt + 1;
        }
        return salt;
    }
}
