package org.trainlab.experiment.validation;

import org.trainlab.experiment.settings.AugmentationOption;
import org.trainlab.experiment.settings.AugmentationSettings;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.KindParam;
import org.trainlab.experiment.settings.InitSettings;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.settings.NormalizationKind;
import org.trainlab.experiment.text.Numbers;
import org.trainlab.experiment.settings.OptimizerDescriptor;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.OptimizerSettings;
import org.trainlab.experiment.settings.Range;
import org.trainlab.experiment.settings.RegularizationKind;
import org.trainlab.experiment.settings.RegularizationSettings;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.experiment.settings.SchedulerParam;
import org.trainlab.experiment.settings.SchedulerSettings;
import org.trainlab.experiment.settings.TrainingSettings;

import java.util.List;

/**
 * Checks settings against the ranges a run can use. Each optimizer and scheduler kind is checked only
 * on the parameters it reads (an optimizer's parameters and ranges come from its
 * {@link OptimizerDescriptor}), so values kept for other kinds never block a run.
 */
public final class SettingsValidator {

    public static final int MAX_NAME_LENGTH = 80;

    private SettingsValidator() {
    }

    /** Every problem found, in the order of the settings' sections; empty when the settings are usable. */
    public static List<Problem> validate(ExperimentSettings settings) {
        Checks checks = new Checks();
        if (settings == null) {
            checks.add("settings", "problem.missing", List.of(), "settings are missing");
            return checks.problems();
        }
        name(checks, settings.name());
        if (checks.section("data", settings.data())) {
            data(checks, settings.data());
        }
        if (checks.section("model", settings.model())) {
            model(checks, settings.model());
        }
        if (checks.section("init", settings.init())) {
            init(checks, settings.init());
        }
        if (checks.section("regularization", settings.regularization())) {
            regularization(checks, settings.regularization());
        }
        if (checks.section("augmentation", settings.augmentation())) {
            augmentation(checks, settings.augmentation());
        }
        if (checks.section("normalization", settings.normalization())) {
            checks.present("normalization.kind", settings.normalization().kind(), NormalizationKind.class);
        }
        if (checks.section("optimizer", settings.optimizer())) {
            optimizer(checks, settings.optimizer());
        }
        if (checks.section("scheduler", settings.scheduler())) {
            double learningRate = settings.optimizer() == null ? Double.NaN : settings.optimizer().learningRate();
            scheduler(checks, settings.scheduler(), learningRate);
        }
        if (checks.section("training", settings.training())) {
            training(checks, settings.training());
        }
        return checks.problems();
    }

    /** Returns the settings unchanged when valid, so calls can be chained. */
    public static ExperimentSettings validateOrThrow(ExperimentSettings settings) {
        List<Problem> problems = validate(settings);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return settings;
    }

    /**
     * The scheduler section alone, for building a schedule outside a full settings object.
     *
     * @param learningRate the initial learning rate (cosine's etaMin must stay below it); NaN skips that check
     */
    public static List<Problem> validateScheduler(SchedulerSettings scheduler, double learningRate) {
        Checks checks = new Checks();
        if (checks.section("scheduler", scheduler)) {
            scheduler(checks, scheduler, learningRate);
        }
        return checks.problems();
    }

    private static void name(Checks checks, String name) {
        if (name == null || name.isBlank()) {
            checks.add("name", "problem.name.blank", List.of(), "name is blank: give the run a short name");
        } else if (name.length() > MAX_NAME_LENGTH) {
            checks.add("name", "problem.name.tooLong", List.of(String.valueOf(name.length()), String.valueOf(MAX_NAME_LENGTH)),
                    "name is " + name.length() + " characters long: must be at most " + MAX_NAME_LENGTH);
        }
    }

    private static void data(Checks checks, DataSettings data) {
        if (checks.present("data.source", data.source(), DatasetSource.class)
                && data.source() == DatasetSource.IDX_FOLDER
                && (data.folder() == null || data.folder().isBlank())) {
            checks.missing("data.folder", "required when data.source is IDX_FOLDER");
        }
        checks.inRange("data.trainSize", data.trainSize(), Range.closed(100, 70_000));
    }

    private static void model(Checks checks, ModelSettings model) {
        checks.present("model.kind", model.kind(), ModelKind.class);
        // rates near 1 drop almost everything and stall training
        checks.inRange("model.dropoutRate", model.dropoutRate(), Range.closed(0, 0.9));
    }

    private static void init(Checks checks, InitSettings init) {
        if (checks.present("init.kind", init.kind(), InitKind.class)) {
            for (KindParam<InitSettings> p : init.kind().descriptor().params()) {
                checks.inRange(p.field(), p.get(init), p.range());
            }
        }
    }

    private static void regularization(Checks checks, RegularizationSettings regularization) {
        if (checks.present("regularization.kind", regularization.kind(), RegularizationKind.class)) {
            for (KindParam<RegularizationSettings> p : regularization.kind().descriptor().params()) {
                checks.inRange(p.field(), p.get(regularization), p.range());
            }
        }
    }

    private static void augmentation(Checks checks, AugmentationSettings augmentation) {
        for (AugmentationOption option : AugmentationOption.values()) {
            if (option.range() != null) {
                checks.inRange(option.field(), option.magnitude(augmentation), option.range());
            }
        }
    }

    /** The learning rate, then each parameter the kind's descriptor says it reads, in its range. */
    private static void optimizer(Checks checks, OptimizerSettings optimizer) {
        checks.inRange("optimizer.learningRate", optimizer.learningRate(), OptimizerDescriptor.LEARNING_RATE_RANGE);
        if (!checks.present("optimizer.kind", optimizer.kind(), OptimizerKind.class)) {
            return;
        }
        for (OptimizerDescriptor.Param p : optimizer.kind().descriptor().params()) {
            checks.inRange(p.slot().field(), p.slot().get(optimizer), p.range(), p.note());
        }
    }

    /** Each parameter the kind reads (see {@link SchedulerKind#params()}), in its range; cosine's floor below the rate. */
    private static void scheduler(Checks checks, SchedulerSettings scheduler, double learningRate) {
        if (!checks.present("scheduler.kind", scheduler.kind(), SchedulerKind.class)) {
            return;
        }
        for (SchedulerParam param : scheduler.kind().params()) {
            boolean usable = switch (param) {
                case MILESTONES -> milestones(checks, scheduler.milestones());
                case PLATEAU_MODE -> checks.present(param.field(), scheduler.plateauMode(), SchedulerSettings.PlateauMode.class);
                case THRESHOLD_MODE -> checks.present(param.field(), scheduler.thresholdMode(), SchedulerSettings.ThresholdMode.class);
                default -> checks.inRange(param.field(), ((Number) param.get(scheduler)).doubleValue(), param.range());
            };
            if (param == SchedulerParam.ETA_MIN && usable) {
                belowLearningRate(checks, scheduler, learningRate);
            }
        }
    }

    private static boolean milestones(Checks checks, List<Integer> milestones) {
        String field = "scheduler.milestones";
        if (milestones.isEmpty()) {
            checks.add(field, "problem.empty", List.of(), field + " is empty: MULTI_STEP needs at least one epoch to decay at");
            return false;
        }
        boolean ok = true;
        if (milestones.get(0) < 1) {
            checks.add(field, "problem.milestones.belowOne", List.of(milestones.toString()),
                    field + " = " + milestones + " is out of range: every milestone must be at least 1");
            ok = false;
        }
        for (int i = 1; i < milestones.size(); i++) {
            if (milestones.get(i) <= milestones.get(i - 1)) {
                checks.add(field, "problem.milestones.notIncreasing", List.of(milestones.toString()), field + " = " + milestones
                        + " is not strictly increasing: each milestone must be larger than the one before");
                return false;
            }
        }
        return ok;
    }

    private static void belowLearningRate(Checks checks, SchedulerSettings scheduler, double learningRate) {
        if (Double.isFinite(learningRate) && scheduler.etaMin() >= learningRate) {
            checks.add("scheduler.etaMin", "problem.range.belowLearningRate",
                    List.of(Numbers.format(scheduler.etaMin()), Numbers.format(learningRate)),
                    "scheduler.etaMin = " + Numbers.format(scheduler.etaMin())
                    + " is out of range: must be less than optimizer.learningRate = " + Numbers.format(learningRate)
                    + " (the cosine falls from the learning rate to etaMin)");
        }
    }

    private static void training(Checks checks, TrainingSettings training) {
        checks.inRange("training.epochs", training.epochs(), Range.closed(1, 1000));
        checks.inRange("training.batchSize", training.batchSize(), Range.closed(1, 4096));
    }
}
