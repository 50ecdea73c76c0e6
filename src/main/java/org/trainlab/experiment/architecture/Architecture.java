package org.trainlab.experiment.architecture;

import java.util.ArrayList;
import java.util.List;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;

/**
 * The networks TrainLab trains, laid out as the tutorial does: each conv or hidden fc layer is followed by
 * batch norm (§7, when on), then ReLU, then dropout (§8, when on; spatial after convs). The CNN is three
 * 3x3 convs (16, 32, 64 channels) with a 2x2 max pool after the second and the third; both models end in
 * fc layers of 128 and 64 features and 10 class scores.
 */
public final class Architecture {

    public static final int IMAGE_SIDE = 28;
    public static final int CLASSES = 10;

    private Architecture() {
    }

    /** The layers, in order, from the 1 x 28 x 28 input image to the class scores. */
    public static List<LayerSpec> of(ModelSettings model) {
        List<LayerSpec> layers = new ArrayList<>();
        int side = IMAGE_SIDE;
        int channels = 1;
        if (model.kind() == ModelKind.CNN) {
            channels = conv(layers, channels, 16, model);
            channels = conv(layers, channels, 32, model);
            side = pool(layers, side);
            channels = conv(layers, channels, 64, model);
            side = pool(layers, side);
        }
        layers.add(new LayerSpec.Flatten(channels, side, side));
        int features = dense(layers, channels * side * side, 128, model);
        features = dense(layers, features, 64, model);
        layers.add(new LayerSpec.Dense(features, CLASSES));
        return List.copyOf(layers);
    }

    /**
     * The names of the layers with weights, input to output, as the Inside figures name them: conv1..conv3,
     * fc1..fc3 for the CNN, fc1..fc3 for the MLP.
     */
    public static List<String> weightLayerNames(ModelSettings model) {
        List<String> names = new ArrayList<>();
        int convs = 0;
        int denses = 0;
        for (LayerSpec layer : of(model)) {
            if (layer instanceof LayerSpec.Conv) {
                names.add(weightLayerName(true, ++convs));
            } else if (layer instanceof LayerSpec.Dense) {
                names.add(weightLayerName(false, ++denses));
            }
        }
        return List.copyOf(names);
    }

    /** "conv2" for the second conv layer, "fc1" for the first fully connected one. */
    public static String weightLayerName(boolean conv, int number) {
        return (conv ? "conv" : "fc") + number;
    }

    private static int conv(List<LayerSpec> layers, int in, int out, ModelSettings model) {
        layers.add(new LayerSpec.Conv(in, out, 3));
        activation(layers, out, true, model);
        return out;
    }

    private static int pool(List<LayerSpec> layers, int side) {
        layers.add(new LayerSpec.MaxPool(2));
        return side / 2;
    }

    private static int dense(List<LayerSpec> layers, int in, int out, ModelSettings model) {
        layers.add(new LayerSpec.Dense(in, out));
        activation(layers, out, false, model);
        return out;
    }

    private static void activation(List<LayerSpec> layers, int features, boolean spatial, ModelSettings model) {
        if (model.batchNorm()) {
            layers.add(new LayerSpec.BatchNorm(features, spatial));
        }
        layers.add(new LayerSpec.Relu());
        if (model.dropoutRate() > 0) {
            layers.add(new LayerSpec.Dropout(model.dropoutRate(), spatial));
        }
    }
}
