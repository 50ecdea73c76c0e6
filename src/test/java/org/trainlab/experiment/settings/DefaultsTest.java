package org.trainlab.experiment.settings;

import org.trainlab.experiment.validation.SettingsValidator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DefaultsTest {

    @Test
    void defaultSettingsAreValid() {
        assertEquals(List.of(), SettingsValidator.validate(Defaults.settings()));
    }

    @Test
    void everyTechniqueStartsSwitchedOff() {
        ExperimentSettings s = Defaults.settings();
        assertFalse(s.model().batchNorm());
        assertEquals(0.0, s.model().dropoutRate());
        assertEquals(RegularizationKind.NONE, s.regularization().kind());
        assertEquals(SchedulerKind.NONE, s.scheduler().kind());
        AugmentationSettings a = s.augmentation();
        assertFalse(a.resizeCrop() || a.horizontalFlip() || a.rotate90());
        assertEquals(0.0, a.rotationDegrees() + a.shiftPixels() + a.zoom() + a.noiseStd() + a.erasingProbability());
    }

    @Test
    void switchingATechniqueOnNeedsNoOtherChange() {
        // the remembered parameters must be usable as they are
        ExperimentSettings s = Defaults.settings();
        for (SchedulerKind kind : SchedulerKind.values()) {
            assertEquals(List.of(), SettingsValidator.validate(s.withScheduler(s.scheduler().withKind(kind))),
                    kind.name());
        }
        for (RegularizationKind kind : RegularizationKind.values()) {
            RegularizationSettings on = new RegularizationSettings(kind, s.regularization().strength());
            assertEquals(List.of(), SettingsValidator.validate(s.withRegularization(on)), kind.name());
        }
        InitSettings normal = new InitSettings(InitKind.NORMAL, s.init().sigma());
        assertEquals(List.of(), SettingsValidator.validate(s.withInit(normal)));
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void perKindOptimizerDefaultsAreValidAndOfThatKind(OptimizerKind kind) {
        OptimizerSettings optimizer = Defaults.optimizer(kind);
        assertEquals(kind, optimizer.kind());
        assertTrue(SettingsValidator.validate(Defaults.settings().withOptimizer(optimizer)).isEmpty());
    }

    @Test
    void perKindOptimizerDefaultsArePyTorchs() {
        assertEquals(0.01, Defaults.optimizer(OptimizerKind.SGD).learningRate());
        assertEquals(0.01, Defaults.optimizer(OptimizerKind.MOMENTUM).learningRate());
        assertEquals(0.9, Defaults.optimizer(OptimizerKind.NESTEROV).momentum());
        assertEquals(1e-10, Defaults.optimizer(OptimizerKind.ADAGRAD).epsilon());
        OptimizerSettings rms = Defaults.optimizer(OptimizerKind.RMSPROP);
        assertEquals(0.01, rms.learningRate());
        assertEquals(0.99, rms.rmsDecay());
        assertEquals(1e-8, rms.epsilon());
        OptimizerSettings adamW = Defaults.optimizer(OptimizerKind.ADAMW);
        assertEquals(1e-3, adamW.learningRate());
        assertEquals(0.9, adamW.beta1());
        assertEquals(0.999, adamW.beta2());
        assertEquals(1e-8, adamW.epsilon());
    }

    @Test
    void eachCallGivesEqualSettings() {
        assertEquals(Defaults.settings(), Defaults.settings());
    }
}
