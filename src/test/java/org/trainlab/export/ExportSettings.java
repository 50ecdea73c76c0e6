package org.trainlab.export;

import java.util.List;
import java.util.Locale;
import org.trainlab.experiment.settings.AugmentationSettings;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.InitSettings;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.settings.NormalizationKind;
import org.trainlab.experiment.settings.NormalizationSettings;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.OptimizerSettings;
import org.trainlab.experiment.settings.RegularizationKind;
import org.trainlab.experiment.settings.RegularizationSettings;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.experiment.settings.SchedulerSettings;
import org.trainlab.experiment.validation.SettingsValidator;
import org.trainlab.experiment.settings.TrainingSettings;
import org.trainlab.preset.PresetLoader;

/** Settings that between them use every model, init, optimizer, decay, scheduler and augmentation option. */
final class ExportSettings {

    private ExportSettings() {
    }

    static SchedulerSettings scheduler(SchedulerKind kind) {
        return Defaults.scheduler().withKind(kind);
    }

    static List<ExperimentSettings> combinations() {
        ExperimentSettings base = Defaults.settings();
        AugmentationSettings everything = new AugmentationSettings(true, true, true, 15, 2, 0.1, 0.05, 0.5);
        List<ExperimentSettings> list = List.of(
                base.withName("Defaults"),
                base.withName("MLP, Nesterov, decoupled decay, StepLR, N(0, 0.1)")
                        .withModel(new ModelSettings(ModelKind.MLP, false, 0))
                        .withInit(new InitSettings(InitKind.NORMAL, 0.1))
                        .withOptimizer(Defaults.optimizer(OptimizerKind.NESTEROV))
                        .withRegularization(new RegularizationSettings(RegularizationKind.DECOUPLED, 0.01))
                        .withScheduler(scheduler(SchedulerKind.STEP)),
                base.withName("CNN, BN, dropout, RMSprop, L1, plateau, every augmentation")
                        .withModel(new ModelSettings(ModelKind.CNN, true, 0.25))
                        .withInit(new InitSettings(InitKind.XAVIER_UNIFORM, 0.1))
                        .withOptimizer(Defaults.optimizer(OptimizerKind.RMSPROP).withLearningRate(1e-3))
                        .withRegularization(new RegularizationSettings(RegularizationKind.L1, 1e-5))
                        .withScheduler(scheduler(SchedulerKind.REDUCE_ON_PLATEAU))
                        .withAugmentation(everything),
                base.withName("AdaGrad, MultiStepLR, He uniform, MNIST figures, MLP with BN")
                        .withModel(new ModelSettings(ModelKind.MLP, true, 0.5))
                        .withInit(new InitSettings(InitKind.HE_UNIFORM, 0.1))
                        .withOptimizer(Defaults.optimizer(OptimizerKind.ADAGRAD))
                        .withNormalization(new NormalizationSettings(NormalizationKind.FIXED_MNIST))
                        .withScheduler(scheduler(SchedulerKind.MULTI_STEP)),
                base.withName("AdamW, decoupled, cosine, Xavier, no normalization")
                        .withOptimizer(Defaults.optimizer(OptimizerKind.ADAMW))
                        .withRegularization(new RegularizationSettings(RegularizationKind.DECOUPLED, 0.05))
                        .withInit(new InitSettings(InitKind.XAVIER_NORMAL, 0.1))
                        .withNormalization(new NormalizationSettings(NormalizationKind.NONE))
                        .withScheduler(scheduler(SchedulerKind.COSINE)),
                base.withName("SGD with momentum, L2, warm-up, exponential-free, 300 digits, batch 50")
                        .withOptimizer(Defaults.optimizer(OptimizerKind.MOMENTUM))
                        .withRegularization(new RegularizationSettings(RegularizationKind.L2, 5e-4))
                        .withScheduler(scheduler(SchedulerKind.WARMUP))
                        .withData(new DataSettings(DatasetSource.BUNDLED_DIGITS, null, 300))
                        .withTraining(new TrainingSettings(3, 50, 9)),
                base.withName("Plain SGD, ExponentialLR, ADAMW without decay")
                        .withOptimizer(Defaults.optimizer(OptimizerKind.SGD))
                        .withScheduler(scheduler(SchedulerKind.EXPONENTIAL)),
                base.withName("Adam W-less: ADAMW with L2")
                        .withOptimizer(new OptimizerSettings(OptimizerKind.ADAMW, 1e-3, 0.9, 0.9, 0.999, 1e-8, 0.99))
                        .withRegularization(new RegularizationSettings(RegularizationKind.L2, 1e-4)));
        list.forEach(SettingsValidator::validateOrThrow);
        return list;
    }

    /** Every run of every shipped preset. */
    static List<ExperimentSettings> presetRuns() {
        return PresetLoader.loadBundled().stream().flatMap(p -> p.expand(Locale.ENGLISH).stream()).toList();
    }
}
