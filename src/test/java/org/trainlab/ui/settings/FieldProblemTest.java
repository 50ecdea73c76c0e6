package org.trainlab.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.settings.AugmentationSettings;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.InitSettings;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.OptimizerSettings;
import org.trainlab.experiment.validation.Problem;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.experiment.settings.SchedulerSettings;
import org.trainlab.experiment.validation.SettingsValidator;
import org.trainlab.experiment.settings.TrainingSettings;
import org.trainlab.experiment.text.Messages;

/** Every problem the validator can find reaches the window as a key both languages can say. */
class FieldProblemTest {

    @Test
    void everyValidatorProblemHasAKeyInBothLanguages() {
        List<Problem> problems = new ArrayList<>();
        ExperimentSettings base = Defaults.settings();
        SchedulerSettings s = Defaults.scheduler();
        problems.addAll(SettingsValidator.validate(base.withName(" ")
                .withData(new DataSettings(DatasetSource.IDX_FOLDER, null, 50))
                .withModel(new ModelSettings(null, false, 0.95))
                .withInit(new InitSettings(InitKind.NORMAL, 0))
                .withAugmentation(new AugmentationSettings(false, false, false, 200, 20, 0.6, Double.NaN, 2))
                .withOptimizer(new OptimizerSettings(OptimizerKind.NESTEROV, Double.POSITIVE_INFINITY, 0, 0.9, 0.999, 1e-8, 0.99))
                .withTraining(new TrainingSettings(0, 5000, 1))));
        problems.addAll(SettingsValidator.validate(base.withName("x".repeat(81))
                .withOptimizer(new OptimizerSettings(OptimizerKind.ADAM, 1e-3, 0.9, 1, 1.5, 0, 0.99))
                .withScheduler(new SchedulerSettings(SchedulerKind.MULTI_STEP, 0, 0, List.of(0, 5, 3), s.plateauMode(),
                        s.factor(), s.patience(), s.threshold(), s.thresholdMode(), s.cooldown(), s.minLr(), s.tMax(),
                        s.etaMin(), s.warmupEpochs(), s.warmupStartFactor()))));
        problems.addAll(SettingsValidator.validate(base.withScheduler(new SchedulerSettings(SchedulerKind.MULTI_STEP, 1, 0.5,
                List.of(), s.plateauMode(), s.factor(), s.patience(), s.threshold(), s.thresholdMode(), s.cooldown(),
                s.minLr(), s.tMax(), s.etaMin(), s.warmupEpochs(), s.warmupStartFactor()))));
        problems.addAll(SettingsValidator.validate(base.withScheduler(new SchedulerSettings(SchedulerKind.COSINE, 1, 0.5,
                List.of(), s.plateauMode(), s.factor(), s.patience(), s.threshold(), s.thresholdMode(), s.cooldown(),
                s.minLr(), 0, 0.5, s.warmupEpochs(), s.warmupStartFactor()))));
        problems.addAll(SettingsValidator.validate(base.withScheduler(new SchedulerSettings(SchedulerKind.REDUCE_ON_PLATEAU,
                1, 0.5, List.of(), null, 1, -1, -1, null, -1, -1, 1, 0, 1, 0.1))));
        assertTrue(problems.size() > 25, "the cases above cover the validator's sentences");

        Messages english = Messages.of(Messages.ENGLISH);
        Messages korean = Messages.of(Messages.KOREAN);
        for (Problem problem : problems) {
            FieldProblem parsed = FieldProblem.from(problem);
            assertFalse(parsed.key().equals(Problem.RAW), () -> "no key: " + problem.message());
            assertEquals(problem.field(), parsed.field());
            for (Messages m : List.of(english, korean)) {
                String text = ProblemText.withField(m, parsed);
                assertFalse(text.contains("[problem.") || text.contains("[field."),
                        () -> "missing string in " + m.locale() + ": " + text);
            }
        }
    }

    @Test
    void rangesKeepTheirNumbers() {
        ExperimentSettings cosine = Defaults.settings().withScheduler(new SchedulerSettings(SchedulerKind.COSINE, 1, 0.5,
                List.of(), null, 0.1, 10, 1e-4, null, 0, 0, 10, 0.5, 1, 0.1));
        List<Problem> problems = SettingsValidator.validateScheduler(cosine.scheduler(), 0.001);
        assertEquals(1, problems.size(), problems::toString);
        FieldProblem p = FieldProblem.from(problems.get(0));
        assertEquals(FieldProblem.of("scheduler.etaMin", "problem.range.belowLearningRate", "0.5", "0.001"), p);
        assertEquals("학습률: 학습률 0.001보다 작아야 합니다 (입력값 0.5)".replace("학습률: ", "eta min: "),
                ProblemText.withField(Messages.of(Messages.KOREAN), p));
    }

    @Test
    void aSentenceWithoutKeyIsKeptWhole() {
        FieldProblem p = FieldProblem.from(new Problem("data", "something new"));
        assertEquals(FieldProblem.of("data", Problem.RAW, "something new"), p);
    }
}
