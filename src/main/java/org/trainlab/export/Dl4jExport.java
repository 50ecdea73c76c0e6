package org.trainlab.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.trainlab.experiment.architecture.Architecture;
import org.trainlab.experiment.architecture.LayerSpec;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.InitSettings;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.settings.OptimizerDescriptor;
import org.trainlab.experiment.settings.OptimizerSettings;
import org.trainlab.experiment.settings.RegularizationSettings;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.experiment.settings.SchedulerSettings;
import org.trainlab.experiment.text.SettingsDiff;
import org.trainlab.experiment.schedule.LrScheduler;
import java.math.BigDecimal;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.RegularizationKind;

/**
 * "Copy as code" for Java: a class whose {@code configuration()} returns the DL4J 1.0.0-M2.1
 * {@code MultiLayerConfiguration} of a run's network, optimizer, weight decay, initialization and
 * learning-rate schedule, laid out as TrainLab builds the network (conv → batch norm → ReLU → spatial
 * dropout; dense → batch norm → ReLU → dropout; max pooling after the second and third conv).
 *
 * <p>Where DL4J differs from PyTorch the code says so: {@code dropOut(x)} takes the probability to
 * keep (1 - rate); DL4J has no classic momentum, so MOMENTUM becomes Nesterov momentum; there is no
 * AdamW, so ADAMW is Adam with {@code weightDecay(strength, true)}; epoch schedules are
 * {@code ISchedule}s of {@code ScheduleType.EPOCH}, and ReduceLROnPlateau, which depends on the
 * held-out loss, is left to the training loop. Input normalization and augmentation belong to the data
 * pipeline, not the configuration, and are described in comments. Only text is produced here.
 */
public final class Dl4jExport {

    public static final String DEFAULT_CLASS_NAME = "TrainLabNetwork";

    private Dl4jExport() {
    }

    public static String code(ExperimentSettings settings) {
        return code(settings, DEFAULT_CLASS_NAME);
    }

    /** A complete compilation unit in the default package: imports and one public class. */
    public static String code(ExperimentSettings s, String className) {
        if (!className.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a Java class name: " + className);
        }
        Lines j = new Lines();
        imports(j, s);
        j.line();
        j.line("/**");
        j.line(" * TrainLab run: " + comment(s.name()));
        j.line(" * " + comment(SettingsDiff.summary(s)));
        j.line(" *");
        j.line(" * <p>Feed it " + inputDescription(s) + ", one-hot labels of 10 classes, "
                + s.training().batchSize() + " images per minibatch, for " + s.training().epochs() + " epochs.");
        normalizationNote(j, s);
        augmentationNote(j, s);
        j.line(" */");
        j.line("public class " + className + " {");
        j.line();
        j.line("    public static final int EPOCHS = " + s.training().epochs() + ";");
        j.line("    public static final int BATCH_SIZE = " + s.training().batchSize() + ";");
        j.line();
        j.line("    public static MultiLayerConfiguration configuration() {");
        schedule(j, s.scheduler(), s.optimizer().learningRate(), s.training().epochs());
        j.line("        return new NeuralNetConfiguration.Builder()");
        j.line("                .seed(" + s.training().seed() + "L)");
        updater(j, s.optimizer(), s.scheduler().kind());
        regularization(j, s.regularization(), s.optimizer());
        weightInit(j, s.init());
        j.line("                .list()");
        layers(j, s.model());
        j.line(s.model().kind() == ModelKind.CNN ? "                .setInputType(InputType.convolutionalFlat(28, 28, 1))"
                : "                .setInputType(InputType.feedForward(28 * 28))");
        j.line("                .build();");
        j.line("    }");
        if (s.scheduler().kind() == SchedulerKind.REDUCE_ON_PLATEAU) {
            plateau(j, s.scheduler());
        }
        j.line("}");
        return j.toString();
    }

    private static void imports(Lines j, ExperimentSettings s) {
        List<String> imports = new ArrayList<>(List.of(
                "org.deeplearning4j.nn.conf.MultiLayerConfiguration",
                "org.deeplearning4j.nn.conf.NeuralNetConfiguration",
                "org.deeplearning4j.nn.conf.inputs.InputType",
                "org.deeplearning4j.nn.conf.layers.DenseLayer",
                "org.deeplearning4j.nn.conf.layers.OutputLayer",
                "org.nd4j.linalg.activations.Activation",
                "org.nd4j.linalg.lossfunctions.LossFunctions"));
        ModelSettings m = s.model();
        if (m.kind() == ModelKind.CNN) {
            imports.add("org.deeplearning4j.nn.conf.layers.ConvolutionLayer");
            imports.add("org.deeplearning4j.nn.conf.layers.SubsamplingLayer");
            imports.add("org.deeplearning4j.nn.conf.layers.PoolingType");
        }
        if (m.batchNorm()) {
            imports.add("org.deeplearning4j.nn.conf.layers.BatchNormalization");
            imports.add("org.deeplearning4j.nn.conf.layers.ActivationLayer");
        }
        if (m.dropoutRate() > 0) {
            imports.add("org.deeplearning4j.nn.conf.layers.DropoutLayer");
            if (m.kind() == ModelKind.CNN) {
                imports.add("org.deeplearning4j.nn.conf.dropout.SpatialDropout");
            }
        }
        imports.add(s.init().kind().descriptor().dl4jImport());
        imports.add("org.nd4j.linalg.learning.config." + s.optimizer().kind().descriptor().dl4jClass());
        switch (s.scheduler().kind()) {
            case STEP -> imports.addAll(List.of("org.nd4j.linalg.schedule.ISchedule", "org.nd4j.linalg.schedule.ScheduleType",
                    "org.nd4j.linalg.schedule.StepSchedule"));
            case EXPONENTIAL -> imports.addAll(List.of("org.nd4j.linalg.schedule.ISchedule",
                    "org.nd4j.linalg.schedule.ScheduleType", "org.nd4j.linalg.schedule.ExponentialSchedule"));
            case MULTI_STEP, COSINE, WARMUP -> imports.addAll(List.of("java.util.Map", "java.util.TreeMap",
                    "org.nd4j.linalg.schedule.ISchedule", "org.nd4j.linalg.schedule.MapSchedule",
                    "org.nd4j.linalg.schedule.ScheduleType"));
            case REDUCE_ON_PLATEAU -> imports.add("org.deeplearning4j.nn.multilayer.MultiLayerNetwork");
            case NONE -> { }
        }
        imports.stream().sorted().forEach(i -> j.line("import " + i + ";"));
    }

    private static String inputDescription(ExperimentSettings s) {
        return "28x28 greyscale digits as rows of 784 floats in [0, 1]";
    }

    private static void normalizationNote(Lines j, ExperimentSettings s) {
        switch (s.normalization().kind()) {
            case NONE -> j.line(" * <p>Normalization is off: the pixels stay in [0, 1].");
            case FIXED_MNIST -> j.line(" * <p>Normalize the pixels first: (x - 0.1307) / 0.3081, the tutorial's MNIST figures.");
            case TRAINING_SPLIT -> j.line(" * <p>Normalize the pixels first: (x - mean) / std, with one mean and one std"
                    + " taken over every pixel of the training images (not the held-out ones).");
        }
    }

    private static void augmentationNote(Lines j, ExperimentSettings s) {
        var a = s.augmentation();
        List<String> steps = new ArrayList<>();
        if (a.resizeCrop()) {
            steps.add("resize to 34 and centre-crop 28");
        }
        if (a.horizontalFlip()) {
            steps.add("random horizontal flip");
        }
        if (a.rotate90()) {
            steps.add("rotation by 90 degrees");
        }
        if (a.rotationDegrees() > 0) {
            steps.add("random rotation up to " + PyTorchExport.num(a.rotationDegrees()) + " degrees");
        }
        if (a.shiftPixels() > 0) {
            steps.add("random shift up to " + a.shiftPixels() + " pixels");
        }
        if (a.zoom() > 0) {
            steps.add("random zoom by up to " + PyTorchExport.num(a.zoom() * 100) + "%");
        }
        if (a.noiseStd() > 0) {
            steps.add("Gaussian noise with std " + PyTorchExport.num(a.noiseStd()));
        }
        if (a.erasingProbability() > 0) {
            steps.add("random erasing with probability " + PyTorchExport.num(a.erasingProbability()));
        }
        if (!steps.isEmpty()) {
            j.line(" * <p>Augment the training images (never the held-out ones) in the data pipeline: "
                    + String.join(", ", steps) + ".");
        }
    }

    private static void schedule(Lines j, SchedulerSettings s, double lr, int epochs) {
        switch (s.kind()) {
            case NONE, REDUCE_ON_PLATEAU -> { }
            case STEP -> {
                j.line("        // StepLR: lr * " + PyTorchExport.num(s.gamma()) + "^(epoch / " + s.stepSize() + "), epochs counted from 0");
                j.line("        ISchedule learningRate = new StepSchedule(ScheduleType.EPOCH, " + lit(lr) + ", "
                        + lit(s.gamma()) + ", " + s.stepSize() + ");");
            }
            case EXPONENTIAL -> {
                j.line("        // ExponentialLR: lr * " + PyTorchExport.num(s.gamma()) + "^epoch, epochs counted from 0");
                j.line("        ISchedule learningRate = new ExponentialSchedule(ScheduleType.EPOCH, " + lit(lr) + ", "
                        + lit(s.gamma()) + ");");
            }
            case MULTI_STEP, COSINE, WARMUP -> {
                String what = switch (s.kind()) {
                    case MULTI_STEP -> "MultiStepLR: multiplied by " + PyTorchExport.num(s.gamma()) + " at epochs "
                            + s.milestones();
                    case COSINE -> "CosineAnnealingLR: the rate of every epoch, worked out in advance";
                    default -> "LinearLR warm-up: the rate of every epoch, worked out in advance";
                };
                j.line("        // " + what + " (map keys are epochs counted from 0)");
                j.line("        Map<Integer, Double> rates = new TreeMap<>();");
                for (Map.Entry<Integer, Double> e : rateChanges(s, lr, epochs).entrySet()) {
                    j.line("        rates.put(" + e.getKey() + ", " + lit(e.getValue()) + ");");
                }
                j.line("        ISchedule learningRate = new MapSchedule(ScheduleType.EPOCH, rates);");
            }
        }
    }

    /** The epochs (from 0) at which the rate changes, with the new rate; PyTorch's closed forms via TrainLab's scheduler. */
    static Map<Integer, Double> rateChanges(SchedulerSettings s, double lr, int epochs) {
        double[] rates = LrScheduler.preview(s, lr, Math.max(1, epochs));
        Map<Integer, Double> changes = new TreeMap<>();
        for (int e = 0; e < rates.length; e++) {
            if (e == 0 || rates[e] != rates[e - 1]) {
                changes.put(e, rates[e]);
            }
        }
        return changes;
    }

    private static void updater(Lines j, OptimizerSettings o, SchedulerKind schedule) {
        boolean scheduled = schedule != SchedulerKind.NONE && schedule != SchedulerKind.REDUCE_ON_PLATEAU;
        String rate = scheduled ? ".learningRateSchedule(learningRate)" : ".learningRate(" + lit(o.learningRate()) + ")";
        OptimizerDescriptor d = o.kind().descriptor();
        if (!d.dl4jNote().isEmpty()) {
            j.line("                // " + d.dl4jNote());
        }
        String updater = OptimizerDescriptor.fill(d.dl4jUpdater(), o, Dl4jExport::lit)
                .replace("{rate}", rate)
                .replace("{lr}", scheduled ? "learningRate" : lit(o.learningRate()));
        j.line("                .updater(" + updater + ")");
    }

    private static void regularization(Lines j, RegularizationSettings r, OptimizerSettings o) {
        if (!r.kind().descriptor().on()) {
            if (o.kind() == OptimizerKind.ADAMW) {
                j.line("                // AdamW takes its decay from the weight-decay settings, which are off: plain Adam");
            }
            return;
        }
        boolean adamFamily = o.kind() == OptimizerKind.ADAMW || o.kind() == OptimizerKind.ADAM;
        j.line("                " + r.kind().descriptor().dl4jCall(r, PyTorchExport::num, Dl4jExport::lit)
                + (r.kind() == RegularizationKind.DECOUPLED && adamFamily ? ", which with Adam makes AdamW" : ""));
    }

    private static void weightInit(Lines j, InitSettings init) {
        j.line("                " + init.kind().descriptor().dl4jInit(init, PyTorchExport::num, Dl4jExport::lit));
    }

    /**
     * The layers {@link Architecture#of} lists. DL4J fuses the ReLU into a conv or dense layer unless batch norm
     * (§7) sits between them; then the layer stays linear and an {@code ActivationLayer} follows the batch norm.
     * The last dense layer is the softmax output layer.
     */
    private static void layers(Lines j, ModelSettings m) {
        List<LayerSpec> specs = Architecture.of(m);
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec spec = specs.get(i);
            boolean normalizedNext = i + 1 < specs.size() && specs.get(i + 1) instanceof LayerSpec.BatchNorm;
            String activation = normalizedNext ? "IDENTITY" : "RELU";
            if (spec instanceof LayerSpec.Conv c) {
                j.line("                .layer(new ConvolutionLayer.Builder(" + c.kernel() + ", " + c.kernel() + ").nIn(" + c.in()
                        + ").nOut(" + c.out() + ").stride(1, 1).padding(" + c.padding() + ", " + c.padding() + ")");
                j.line("                        .activation(Activation." + activation + ").build())");
            } else if (spec instanceof LayerSpec.BatchNorm) {
                j.line("                .layer(new BatchNormalization.Builder().build())");
            } else if (spec instanceof LayerSpec.Relu && specs.get(i - 1) instanceof LayerSpec.BatchNorm) {
                j.line("                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())");
            } else if (spec instanceof LayerSpec.MaxPool p) {
                j.line("                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(" + p.size() + ", " + p.size()
                        + ").stride(" + p.size() + ", " + p.size() + ").build())");
            } else if (spec instanceof LayerSpec.Dropout d && d.spatial()) {
                j.line("                .layer(new DropoutLayer.Builder().dropOut(new SpatialDropout(" + lit(keep(d.rate()))
                        + ")).build())    // keeps whole channels with probability 1 - " + PyTorchExport.num(d.rate()));
            } else if (spec instanceof LayerSpec.Dropout d) {
                j.line("                .layer(new DropoutLayer.Builder(" + lit(keep(d.rate()))
                        + ").build())    // DL4J's dropOut takes the probability to keep: 1 - " + PyTorchExport.num(d.rate()));
            } else if (spec instanceof LayerSpec.Dense d && i == specs.size() - 1) {
                j.line("                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(" + d.out() + ")");
                j.line("                        .activation(Activation.SOFTMAX).build())");
            } else if (spec instanceof LayerSpec.Dense d) {
                j.line("                .layer(new DenseLayer.Builder().nOut(" + d.out() + ").activation(Activation." + activation
                        + ").build())");
            }
        }
    }

    private static void plateau(Lines j, SchedulerSettings s) {
        j.line();
        j.line("    /**");
        j.line("     * ReduceLROnPlateau has no DL4J schedule: call this at the end of every epoch with the held-out loss.");
        j.line("     * After more than " + s.patience() + " epoch(s) without an improvement of " + PyTorchExport.num(s.threshold())
                + " (" + s.thresholdMode().name().toLowerCase(Locale.ROOT) + "), the rate is multiplied by "
                + PyTorchExport.num(s.factor()) + ", then " + s.cooldown() + " epoch(s) of cool-down.");
        j.line("     */");
        j.line("    public static final class ReduceLrOnPlateau {");
        j.line("        private double best = " + (s.plateauMode() == SchedulerSettings.PlateauMode.MIN
                ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY") + ";");
        j.line("        private int badEpochs;");
        j.line("        private int cooldown;");
        j.line();
        j.line("        public void endOfEpoch(MultiLayerNetwork net, double heldOutLoss) {");
        String better = s.plateauMode() == SchedulerSettings.PlateauMode.MIN
                ? (s.thresholdMode() == SchedulerSettings.ThresholdMode.REL
                        ? "heldOutLoss < best * (1 - " + lit(s.threshold()) + ")" : "heldOutLoss < best - " + lit(s.threshold()))
                : (s.thresholdMode() == SchedulerSettings.ThresholdMode.REL
                        ? "heldOutLoss > best * (1 + " + lit(s.threshold()) + ")" : "heldOutLoss > best + " + lit(s.threshold()));
        j.line("            if (" + better + ") {");
        j.line("                best = heldOutLoss;");
        j.line("                badEpochs = 0;");
        j.line("            } else {");
        j.line("                badEpochs++;");
        j.line("            }");
        j.line("            if (cooldown > 0) {");
        j.line("                cooldown--;");
        j.line("                badEpochs = 0;");
        j.line("            }");
        j.line("            if (badEpochs > " + s.patience() + ") {");
        j.line("                double lr = net.getLearningRate(0);");
        j.line("                net.setLearningRate(Math.max(lr * " + lit(s.factor()) + ", " + lit(s.minLr()) + "));");
        j.line("                cooldown = " + s.cooldown() + ";");
        j.line("                badEpochs = 0;");
        j.line("            }");
        j.line("        }");
        j.line("    }");
    }

    /** 1 - rate without binary noise (1 - 0.3 is 0.7, not 0.7000000000000001). */
    private static double keep(double rate) {
        return BigDecimal.ONE.subtract(BigDecimal.valueOf(rate)).doubleValue();
    }

    /** A Java double literal. */
    static String lit(double value) {
        String text = PyTorchExport.num(value);
        return text.contains(".") || text.contains("e") ? text : text + ".0";
    }

    private static String comment(String text) {
        return text.replaceAll("[\\r\\n]+", " ").replace("*/", "* /");
    }
}
