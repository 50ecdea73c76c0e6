package org.trainlab.experiment.settings;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a new run starts from: a plain CNN with Adam and every technique off, so each of the
 * tutorial's techniques can be switched on against the same baseline. Parameters of the techniques
 * that are off still hold sensible values, ready for when they are switched on.
 */
public final class Defaults {

    public static final String NAME = "Baseline";

    private Defaults() {
    }

    public static ExperimentSettings settings() {
        return new ExperimentSettings(NAME, data(), model(), init(), regularization(), augmentation(),
                normalization(), optimizer(), scheduler(), training());
    }

    public static DataSettings data() {
        return new DataSettings(DatasetSource.BUNDLED_DIGITS, null, 8000);
    }

    public static ModelSettings model() {
        return new ModelSettings(ModelKind.CNN, false, 0.0);
    }

    /** He-normal suits the ReLU network; sigma 0.1 is the tutorial's figure for NORMAL. */
    public static InitSettings init() {
        return new InitSettings(InitKind.HE_NORMAL, 0.1);
    }

    public static RegularizationSettings regularization() {
        return new RegularizationSettings(RegularizationKind.NONE, 1e-4);
    }

    public static AugmentationSettings augmentation() {
        return new AugmentationSettings(false, false, false, 0.0, 0, 0.0, 0.0, 0.0);
    }

    public static NormalizationSettings normalization() {
        return new NormalizationSettings(NormalizationKind.TRAINING_SPLIT);
    }

    /** Adam at 1e-3, with the other optimizers' parameters at PyTorch's defaults. */
    public static OptimizerSettings optimizer() {
        return new OptimizerSettings(OptimizerKind.ADAM, 1e-3, 0.9, 0.9, 0.999, 1e-8, 0.99);
    }

    /**
     * PyTorch's defaults for one optimizer kind (momentum 0.9 for the momentum kinds, where PyTorch
     * has no default). The parameters the kind does not read keep {@link #optimizer()}'s values.
     */
    public static OptimizerSettings optimizer(OptimizerKind kind) {
        OptimizerDescriptor d = kind.descriptor();
        Map<OptimizerParam, Double> values = new EnumMap<>(OptimizerParam.class);
        values.put(OptimizerParam.LEARNING_RATE, d.learningRate());
        d.params().forEach(p -> values.put(p.slot(), p.value()));
        return OptimizerParam.with(optimizer(), kind, values);
    }

    /** No schedule; each schedule's parameters hold PyTorch-like values for when one is chosen. */
    public static SchedulerSettings scheduler() {
        return new SchedulerSettings(SchedulerKind.NONE,
                1, 0.7,
                List.of(10, 20, 40),
                SchedulerSettings.PlateauMode.MIN, 0.1, 1, 1e-4, SchedulerSettings.ThresholdMode.REL, 0, 0.0,
                10, 0.0,
                3, 0.1);
    }

    public static TrainingSettings training() {
        return new TrainingSettings(5, 64, 42L);
    }
}
