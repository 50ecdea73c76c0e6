package org.trainlab.experiment.validation;

import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.RegularizationKind;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.experiment.settings.TestSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainlab.experiment.settings.TestSettings.set;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsValidatorTest {

    private static final OptimizerKind SGD = OptimizerKind.SGD;
    private static final OptimizerKind MOMENTUM = OptimizerKind.MOMENTUM;
    private static final OptimizerKind NESTEROV = OptimizerKind.NESTEROV;
    private static final OptimizerKind ADAGRAD = OptimizerKind.ADAGRAD;
    private static final OptimizerKind RMSPROP = OptimizerKind.RMSPROP;
    private static final OptimizerKind ADAM = OptimizerKind.ADAM;
    private static final OptimizerKind ADAMW = OptimizerKind.ADAMW;

    /**
     * One broken value each: the expected words of the message (value as written, then the allowed
     * range), then the settings as path/value pairs; the last path is the field that must be named.
     */
    static Stream<Arguments> brokenRules() {
        return Stream.of(
                rule("= 99 ", "must be 100 to 70000", "data.trainSize", 99),
                rule("= 70001 ", "must be 100 to 70000", "data.trainSize", 70_001),
                rule("= 0.95 ", "must be 0 to 0.9", "model.dropoutRate", 0.95),
                rule("= -0.1 ", "must be 0 to 0.9", "model.dropoutRate", -0.1),
                rule("= 0 ", "must be greater than 0 and at most 10", "init.kind", InitKind.NORMAL, "init.sigma", 0.0),
                rule("= 10.5 ", "must be greater than 0 and at most 10", "init.kind", InitKind.NORMAL, "init.sigma", 10.5),
                rule("= 1.5 ", "must be 0 to 1", "regularization.kind", RegularizationKind.L2, "regularization.strength", 1.5),
                rule("= -0.01 ", "must be 0 to 1", "regularization.kind", RegularizationKind.L1, "regularization.strength", -0.01),
                rule("= 181 ", "must be 0 to 180", "augmentation.rotationDegrees", 181.0),
                rule("= 15 ", "must be 0 to 14", "augmentation.shiftPixels", 15),
                rule("= -1 ", "must be 0 to 14", "augmentation.shiftPixels", -1),
                rule("= 0.6 ", "must be 0 to 0.5", "augmentation.zoom", 0.6),
                rule("= 1.2 ", "must be 0 to 1", "augmentation.noiseStd", 1.2),
                rule("= 1.01 ", "must be 0 to 1", "augmentation.erasingProbability", 1.01),
                rule("= 0 ", "must be greater than 0 and at most 10", "optimizer.learningRate", 0.0),
                rule("= -0.001 ", "must be greater than 0 and at most 10", "optimizer.learningRate", -0.001),
                rule("= 11 ", "must be greater than 0 and at most 10", "optimizer.kind", SGD, "optimizer.learningRate", 11.0),
                rule("= 1 ", "must be at least 0 and less than 1", "optimizer.kind", MOMENTUM, "optimizer.momentum", 1.0),
                rule("= -0.5 ", "must be at least 0 and less than 1", "optimizer.kind", MOMENTUM, "optimizer.momentum", -0.5),
                rule("= 0 ", "must be greater than 0 and less than 1", "optimizer.kind", NESTEROV, "optimizer.momentum", 0.0),
                rule("= 1 ", "must be at least 0 and less than 1", "optimizer.kind", ADAM, "optimizer.beta1", 1.0),
                rule("= 1 ", "must be at least 0 and less than 1", "optimizer.kind", ADAMW, "optimizer.beta2", 1.0),
                rule("= -0.1 ", "must be at least 0 and less than 1", "optimizer.kind", ADAMW, "optimizer.beta1", -0.1),
                rule("= 0 ", "must be greater than 0 and at most 1", "optimizer.kind", ADAM, "optimizer.epsilon", 0.0),
                rule("= 2 ", "must be greater than 0 and at most 1", "optimizer.kind", ADAGRAD, "optimizer.epsilon", 2.0),
                rule("= 0 ", "must be greater than 0 and at most 1", "optimizer.kind", RMSPROP, "optimizer.epsilon", 0.0),
                rule("= 1 ", "must be at least 0 and less than 1", "optimizer.kind", RMSPROP, "optimizer.rmsDecay", 1.0),
                rule("= 0 ", "must be at least 1", "scheduler.kind", SchedulerKind.STEP, "scheduler.stepSize", 0),
                rule("= 0 ", "must be greater than 0 and at most 1", "scheduler.kind", SchedulerKind.STEP, "scheduler.gamma", 0.0),
                rule("= 1.5 ", "must be greater than 0 and at most 1", "scheduler.kind", SchedulerKind.MULTI_STEP, "scheduler.gamma", 1.5),
                rule("= -0.5 ", "must be greater than 0 and at most 1", "scheduler.kind", SchedulerKind.EXPONENTIAL, "scheduler.gamma", -0.5),
                rule("is empty", "at least one", "scheduler.kind", SchedulerKind.MULTI_STEP, "scheduler.milestones", List.of()),
                rule("= [0, 5] ", "at least 1", "scheduler.kind", SchedulerKind.MULTI_STEP, "scheduler.milestones", List.of(0, 5)),
                rule("= [5, 5] ", "strictly increasing", "scheduler.kind", SchedulerKind.MULTI_STEP, "scheduler.milestones", List.of(5, 5)),
                rule("= [2, 9, 4] ", "strictly increasing", "scheduler.kind", SchedulerKind.MULTI_STEP, "scheduler.milestones", List.of(2, 9, 4)),
                rule("= 1 ", "must be greater than 0 and less than 1", "scheduler.kind", SchedulerKind.REDUCE_ON_PLATEAU, "scheduler.factor", 1.0),
                rule("= 0 ", "must be greater than 0 and less than 1", "scheduler.kind", SchedulerKind.REDUCE_ON_PLATEAU, "scheduler.factor", 0.0),
                rule("= -1 ", "must be at least 0", "scheduler.kind", SchedulerKind.REDUCE_ON_PLATEAU, "scheduler.patience", -1),
                rule("= -0.1 ", "must be at least 0", "scheduler.kind", SchedulerKind.REDUCE_ON_PLATEAU, "scheduler.threshold", -0.1),
                rule("= -2 ", "must be at least 0", "scheduler.kind", SchedulerKind.REDUCE_ON_PLATEAU, "scheduler.cooldown", -2),
                rule("= -0.001 ", "must be at least 0", "scheduler.kind", SchedulerKind.REDUCE_ON_PLATEAU, "scheduler.minLr", -0.001),
                rule("= 0 ", "must be at least 1", "scheduler.kind", SchedulerKind.COSINE, "scheduler.tMax", 0),
                rule("= -0.001 ", "must be at least 0", "scheduler.kind", SchedulerKind.COSINE, "scheduler.etaMin", -0.001),
                rule("= 0.002 ", "less than optimizer.learningRate = 0.001", "scheduler.kind", SchedulerKind.COSINE, "scheduler.etaMin", 0.002),
                rule("= 0.001 ", "less than optimizer.learningRate = 0.001", "scheduler.kind", SchedulerKind.COSINE, "scheduler.etaMin", 0.001),
                rule("= 0 ", "must be at least 1", "scheduler.kind", SchedulerKind.WARMUP, "scheduler.warmupEpochs", 0),
                rule("= 0 ", "must be greater than 0 and at most 1", "scheduler.kind", SchedulerKind.WARMUP, "scheduler.warmupStartFactor", 0.0),
                rule("= 1.5 ", "must be greater than 0 and at most 1", "scheduler.kind", SchedulerKind.WARMUP, "scheduler.warmupStartFactor", 1.5),
                rule("= 0 ", "must be 1 to 1000", "training.epochs", 0),
                rule("= 1001 ", "must be 1 to 1000", "training.epochs", 1001),
                rule("= 4097 ", "must be 1 to 4096", "training.batchSize", 4097),
                rule("is missing", "IDX_FOLDER", "data.source", DatasetSource.IDX_FOLDER, "data.folder", null),
                rule("is missing", "IDX_FOLDER", "data.source", DatasetSource.IDX_FOLDER, "data.folder", "  "),
                rule("is blank", "name", "name", " \t"),
                rule("is 81 characters long", "at most 80", "name", "x".repeat(81)),
                rule("= NaN is not a number", "must be greater than 0 and at most 10", "optimizer.learningRate", Double.NaN),
                rule("= Infinity is not a finite number", "must be 0 to 0.5", "augmentation.zoom", Double.POSITIVE_INFINITY),
                rule("= -Infinity is not a finite number", "must be 0 to 180", "augmentation.rotationDegrees", Double.NEGATIVE_INFINITY),
                rule("= NaN is not a number", "must be greater than 0 and less than 1", "scheduler.kind", SchedulerKind.REDUCE_ON_PLATEAU, "scheduler.factor", Double.NaN),
                rule("is missing", "one of SGD, MOMENTUM, NESTEROV, ADAGRAD, RMSPROP, ADAM, ADAMW", "optimizer.kind", null),
                rule("is missing", "one of MIN, MAX", "scheduler.kind", SchedulerKind.REDUCE_ON_PLATEAU, "scheduler.plateauMode", null),
                rule("is missing", "section", "training", null),
                rule("is missing", "section", "augmentation", null));
    }

    private static Arguments rule(String valueWords, String allowedWords, Object... pathsAndValues) {
        String field = (String) pathsAndValues[pathsAndValues.length - 2];
        return Arguments.of(field + " " + valueWords.trim() + " / " + Arrays.toString(pathsAndValues), field,
                valueWords, allowedWords, set(pathsAndValues));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void eachRuleReportsTheFieldTheValueAndTheAllowedRange(String title, String field, String valueWords,
                                                           String allowedWords, ExperimentSettings settings) {
        List<Problem> problems = SettingsValidator.validate(settings);

        assertEquals(1, problems.size(), () -> "expected exactly one problem, got " + problems);
        Problem problem = problems.get(0);
        assertEquals(field, problem.field());
        assertTrue(problem.message().startsWith(field + " " + valueWords.trim()), problem.message());
        assertTrue(problem.message().contains(allowedWords), problem.message());
    }

    @Test
    void theBriefsExampleMessageReadsAsWritten() {
        List<Problem> problems = SettingsValidator.validate(set("training.batchSize", 0));
        assertEquals(List.of(new Problem("training.batchSize",
                "training.batchSize = 0 is out of range: must be 1 to 4096")), problems);
    }

    @Test
    void boundariesOfEveryRangeAreAllowed() {
        assertValid(set("data.trainSize", 100), set("data.trainSize", 70_000));
        assertValid(set("model.dropoutRate", 0.9), set("model.dropoutRate", 0.0));
        assertValid(set("init.kind", InitKind.NORMAL, "init.sigma", 10.0));
        assertValid(set("regularization.kind", RegularizationKind.L2, "regularization.strength", 1.0),
                set("regularization.kind", RegularizationKind.L2, "regularization.strength", 0.0));
        assertValid(set("augmentation.rotationDegrees", 180.0, "augmentation.shiftPixels", 14,
                "augmentation.zoom", 0.5, "augmentation.noiseStd", 1.0, "augmentation.erasingProbability", 1.0));
        assertValid(set("optimizer.learningRate", 10.0));
        assertValid(set("optimizer.kind", MOMENTUM, "optimizer.momentum", 0.0));
        assertValid(set("optimizer.kind", ADAM, "optimizer.beta1", 0.0, "optimizer.beta2", 0.0, "optimizer.epsilon", 1.0));
        assertValid(set("optimizer.kind", RMSPROP, "optimizer.rmsDecay", 0.0));
        assertValid(set("scheduler.kind", SchedulerKind.STEP, "scheduler.gamma", 1.0));
        assertValid(set("scheduler.kind", SchedulerKind.MULTI_STEP, "scheduler.milestones", List.of(1)));
        assertValid(set("scheduler.kind", SchedulerKind.REDUCE_ON_PLATEAU, "scheduler.patience", 0,
                "scheduler.threshold", 0.0, "scheduler.cooldown", 0, "scheduler.minLr", 0.0));
        assertValid(set("scheduler.kind", SchedulerKind.COSINE, "scheduler.tMax", 1, "scheduler.etaMin", 0.000999));
        assertValid(set("scheduler.kind", SchedulerKind.WARMUP, "scheduler.warmupEpochs", 1,
                "scheduler.warmupStartFactor", 1.0));
        assertValid(set("training.epochs", 1, "training.batchSize", 1), set("training.epochs", 1000,
                "training.batchSize", 4096, "training.seed", Long.MIN_VALUE));
        assertValid(set("name", "n".repeat(80)));
        assertValid(set("data.source", DatasetSource.IDX_FOLDER, "data.folder", "/no/such/folder/is/checked"));
    }

    @Test
    void onlyTheChosenKindsParametersAreChecked() {
        // each of these is broken for some other kind, but unused by the kind chosen
        assertValid(set("optimizer.kind", ADAM, "optimizer.momentum", 7.0, "optimizer.rmsDecay", -1.0));
        assertValid(set("optimizer.kind", SGD, "optimizer.beta1", 2.0, "optimizer.epsilon", 0.0,
                "optimizer.momentum", -1.0));
        assertValid(set("optimizer.kind", MOMENTUM, "optimizer.beta2", 1.0, "optimizer.epsilon", -3.0));
        assertValid(set("optimizer.kind", ADAGRAD, "optimizer.beta1", 1.0, "optimizer.rmsDecay", 5.0));
        assertValid(set("optimizer.kind", RMSPROP, "optimizer.beta1", 1.0, "optimizer.momentum", 1.0));
        assertValid(set("scheduler.kind", SchedulerKind.NONE, "scheduler.stepSize", 0, "scheduler.gamma", 0.0,
                "scheduler.milestones", List.of(), "scheduler.factor", 3.0, "scheduler.tMax", 0,
                "scheduler.warmupEpochs", 0, "scheduler.plateauMode", null));
        assertValid(set("scheduler.kind", SchedulerKind.STEP, "scheduler.milestones", List.of(5, 1)));
        assertValid(set("scheduler.kind", SchedulerKind.EXPONENTIAL, "scheduler.stepSize", 0));
        assertValid(set("scheduler.kind", SchedulerKind.COSINE, "scheduler.factor", 1.0));
        assertValid(set("regularization.kind", RegularizationKind.NONE, "regularization.strength", 5.0));
        assertValid(set("init.kind", InitKind.XAVIER_UNIFORM, "init.sigma", -1.0));
        assertValid(set("data.source", DatasetSource.MNIST, "data.folder", null));
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        ExperimentSettings settings = set("optimizer.learningRate", 0.0, "training.epochs", 0,
                "model.dropoutRate", 1.0, "data", null);

        List<String> fields = SettingsValidator.validate(settings).stream().map(Problem::field).toList();

        assertEquals(List.of("data", "model.dropoutRate", "optimizer.learningRate", "training.epochs"), fields);
    }

    @Test
    void everySectionMissingIsNamed() {
        ExperimentSettings empty = new ExperimentSettings("empty", null, null, null, null, null, null, null, null, null);
        List<String> fields = SettingsValidator.validate(empty).stream().map(Problem::field).toList();
        assertEquals(List.of("data", "model", "init", "regularization", "augmentation", "normalization",
                "optimizer", "scheduler", "training"), fields);
        assertEquals("settings", SettingsValidator.validate(null).get(0).field());
    }

    @Test
    void validateOrThrowListsEveryProblemOnItsOwnLine() {
        ExperimentSettings settings = set("training.batchSize", 0, "training.epochs", 2000);

        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> SettingsValidator.validateOrThrow(settings));

        String[] lines = e.getMessage().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("training.epochs = 2000"), lines[0]);
        assertTrue(lines[1].startsWith("training.batchSize = 0"), lines[1]);
        assertEquals(List.of("training.epochs", "training.batchSize"),
                e.problems().stream().map(Problem::field).toList());
    }

    @Test
    void validateOrThrowPassesValidSettingsThrough() {
        ExperimentSettings settings = TestSettings.allDifferentFromDefaults();
        assertSame(settings, SettingsValidator.validateOrThrow(settings));
    }

    @Test
    void cosineEtaMinIsComparedWithTheOptimizersRate() {
        ExperimentSettings settings = set("scheduler.kind", SchedulerKind.COSINE, "scheduler.etaMin", 0.01,
                "optimizer.learningRate", 0.1);
        assertValid(settings);
        assertEquals("scheduler.etaMin",
                SettingsValidator.validateScheduler(settings.scheduler(), 0.005).get(0).field());
        assertTrue(SettingsValidator.validateScheduler(settings.scheduler(), Double.NaN).isEmpty());
    }

    @Test
    void smallNumbersAreWrittenPlainlyAndTinyOnesInScientificNotation() {
        Problem small = SettingsValidator.validate(set("optimizer.learningRate", -0.0005)).get(0);
        assertTrue(small.message().startsWith("optimizer.learningRate = -0.0005 "), small.message());
        Problem tiny = SettingsValidator.validate(set("optimizer.epsilon", -1e-10)).get(0);
        assertTrue(tiny.message().startsWith("optimizer.epsilon = -1e-10 "), tiny.message());
    }

    private static void assertValid(ExperimentSettings... settings) {
        for (ExperimentSettings s : settings) {
            assertNotNull(s);
            assertEquals(List.of(), SettingsValidator.validate(s));
        }
    }
}
