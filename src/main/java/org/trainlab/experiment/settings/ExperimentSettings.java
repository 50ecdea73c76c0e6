package org.trainlab.experiment.settings;

/**
 * Everything that defines one training run. Immutable; every field has one documented home in the
 * nested records. A run's record stores these settings with its seed and library versions, so any
 * figure can be reproduced.
 *
 * @param name           a short human name for the run, shown in lists and legends
 * @param data           which digits, how many of them
 * @param model          architecture, batch norm (§7), dropout (§8)
 * @param init           weight initialization (§3)
 * @param regularization weight decay: L2, decoupled or L1 (§1)
 * @param augmentation   training-batch augmentation (§2)
 * @param normalization  input normalization (§5)
 * @param optimizer      gradient-descent variant and its parameters (§6)
 * @param scheduler      learning-rate schedule stepped once per epoch (§4)
 * @param training       epochs, batch size, seed
 */
public record ExperimentSettings(
        String name,
        DataSettings data,
        ModelSettings model,
        InitSettings init,
        RegularizationSettings regularization,
        AugmentationSettings augmentation,
        NormalizationSettings normalization,
        OptimizerSettings optimizer,
        SchedulerSettings scheduler,
        TrainingSettings training) {

    public ExperimentSettings withName(String name) {
        return new ExperimentSettings(name, data, model, init, regularization, augmentation, normalization, optimizer, scheduler, training);
    }

    public ExperimentSettings withData(DataSettings data) {
        return new ExperimentSettings(name, data, model, init, regularization, augmentation, normalization, optimizer, scheduler, training);
    }

    public ExperimentSettings withModel(ModelSettings model) {
        return new ExperimentSettings(name, data, model, init, regularization, augmentation, normalization, optimizer, scheduler, training);
    }

    public ExperimentSettings withInit(InitSettings init) {
        return new ExperimentSettings(name, data, model, init, regularization, augmentation, normalization, optimizer, scheduler, training);
    }

    public ExperimentSettings withRegularization(RegularizationSettings regularization) {
        return new ExperimentSettings(name, data, model, init, regularization, augmentation, normalization, optimizer, scheduler, training);
    }

    public ExperimentSettings withAugmentation(AugmentationSettings augmentation) {
        return new ExperimentSettings(name, data, model, init, regularization, augmentation, normalization, optimizer, scheduler, training);
    }

    public ExperimentSettings withNormalization(NormalizationSettings normalization) {
        return new ExperimentSettings(name, data, model, init, regularization, augmentation, normalization, optimizer, scheduler, training);
    }

    public ExperimentSettings withOptimizer(OptimizerSettings optimizer) {
        return new ExperimentSettings(name, data, model, init, regularization, augmentation, normalization, optimizer, scheduler, training);
    }

    public ExperimentSettings withScheduler(SchedulerSettings scheduler) {
        return new ExperimentSettings(name, data, model, init, regularization, augmentation, normalization, optimizer, scheduler, training);
    }

    public ExperimentSettings withTraining(TrainingSettings training) {
        return new ExperimentSettings(name, data, model, init, regularization, augmentation, normalization, optimizer, scheduler, training);
    }
}
