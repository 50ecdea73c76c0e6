package org.trainlab.experiment.text;

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
import org.trainlab.experiment.settings.TestSettings;
import org.trainlab.experiment.settings.TrainingSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SettingsDiffTest {

    private static final Locale KO = Locale.KOREAN;

    private static List<String> labels(ExperimentSettings parent, ExperimentSettings child) {
        return SettingsDiff.between(parent, child).stream().map(SettingsDiff.Change::label).toList();
    }

    private static List<String> labels(ExperimentSettings parent, ExperimentSettings child, Locale locale) {
        return SettingsDiff.between(parent, child, locale).stream().map(SettingsDiff.Change::label).toList();
    }

    @Test
    void sameSettingsOrOnlyANewNameDifferInNothing() {
        ExperimentSettings base = Defaults.settings();
        assertEquals(List.of(), SettingsDiff.between(base, base));
        assertEquals(List.of(), SettingsDiff.between(base, base.withName("Copy of Baseline")));
    }

    @Test
    void linesMadeBeforeAreGivenAgainOnlyForTheSameSettingsAndLanguage() {
        ExperimentSettings adam = Defaults.settings();
        ExperimentSettings sgd = adam.withOptimizer(Defaults.optimizer(OptimizerKind.SGD));
        String english = SettingsDiff.describe(adam, sgd, Locale.ENGLISH);
        assertEquals("optimizer: Adam → SGD; learning rate: 0.001 → 0.01", english);
        assertEquals(english, SettingsDiff.describe(Defaults.settings(), Defaults.settings()
                .withOptimizer(Defaults.optimizer(OptimizerKind.SGD)), Locale.ENGLISH), "equal settings, the same line");
        String korean = SettingsDiff.describe(adam, sgd, Locale.KOREAN);
        assertEquals(String.join("; ", labels(adam, sgd, Locale.KOREAN)), korean);
        org.junit.jupiter.api.Assertions.assertNotEquals(english, korean, "each language its own line");
        assertEquals("learning rate: 0.01 → 0.001", SettingsDiff.describe(sgd.withOptimizer(
                sgd.optimizer().withLearningRate(0.01)), sgd.withOptimizer(sgd.optimizer().withLearningRate(0.001)),
                Locale.ENGLISH), "other settings, another line");
        assertEquals(SettingsDiff.summary(sgd, Locale.ENGLISH), SettingsDiff.summary(sgd, Locale.ENGLISH));
        org.junit.jupiter.api.Assertions.assertNotEquals(SettingsDiff.summary(adam, Locale.ENGLISH),
                SettingsDiff.summary(sgd, Locale.ENGLISH));
    }

    @Test
    void theOptimizerAndItsLearningRate() {
        ExperimentSettings adam = Defaults.settings();
        ExperimentSettings sgd = adam.withOptimizer(Defaults.optimizer(OptimizerKind.SGD));
        assertEquals(List.of("optimizer: Adam → SGD", "learning rate: 0.001 → 0.01"), labels(adam, sgd));
        assertEquals(List.of("optimizer.kind", "optimizer.learningRate"),
                SettingsDiff.between(adam, sgd).stream().map(SettingsDiff.Change::field).toList());
    }

    @Test
    void parametersTheChosenKindDoesNotReadAreNotDifferences() {
        ExperimentSettings adam = Defaults.settings();
        OptimizerSettings o = adam.optimizer();
        ExperimentSettings otherMomentum = adam.withOptimizer(
                new OptimizerSettings(o.kind(), o.learningRate(), 0.5, o.beta1(), o.beta2(), o.epsilon(), 0.5));
        assertEquals(List.of(), labels(adam, otherMomentum));

        ExperimentSettings momentum = adam.withOptimizer(Defaults.optimizer(OptimizerKind.MOMENTUM));
        OptimizerSettings m = momentum.optimizer();
        ExperimentSettings more = momentum.withOptimizer(
                new OptimizerSettings(m.kind(), m.learningRate(), 0.95, 0.5, m.beta2(), 1e-3, m.rmsDecay()));
        assertEquals(List.of("momentum: 0.9 → 0.95"), labels(momentum, more));
    }

    @Test
    void aNewKindShowsItsOwnMainParameters() {
        ExperimentSettings sgd = Defaults.settings().withOptimizer(Defaults.optimizer(OptimizerKind.SGD));
        ExperimentSettings momentum = Defaults.settings().withOptimizer(Defaults.optimizer(OptimizerKind.MOMENTUM));
        assertEquals(List.of("optimizer: SGD → Momentum (momentum 0.9)"), labels(sgd, momentum));
        ExperimentSettings adam = Defaults.settings();
        ExperimentSettings adamW = adam.withOptimizer(adam.optimizer().withKind(OptimizerKind.ADAMW));
        assertEquals(List.of("optimizer: Adam → AdamW"), labels(adam, adamW));
    }

    @Test
    void theTutorialsTechniques() {
        ExperimentSettings base = Defaults.settings();
        assertEquals(List.of("dropout: off → 0.2"),
                labels(base, base.withModel(new ModelSettings(ModelKind.CNN, false, 0.2))));
        assertEquals(List.of("batch norm: off → on"),
                labels(base, base.withModel(new ModelSettings(ModelKind.CNN, true, 0))));
        assertEquals(List.of("weight decay: none → L2 1e-4"),
                labels(base, base.withRegularization(new RegularizationSettings(RegularizationKind.L2, 1e-4))));
        assertEquals(List.of("weight decay: L2 1e-4 → decoupled 0.01"),
                labels(base.withRegularization(new RegularizationSettings(RegularizationKind.L2, 1e-4)),
                        base.withRegularization(new RegularizationSettings(RegularizationKind.DECOUPLED, 0.01))));
        assertEquals(List.of("initialization: He normal → N(0, 1)"),
                labels(base, base.withInit(new InitSettings(InitKind.NORMAL, 1))));
        assertEquals(List.of("initialization: N(0, 1) → N(0, 0.1)"),
                labels(base.withInit(new InitSettings(InitKind.NORMAL, 1)),
                        base.withInit(new InitSettings(InitKind.NORMAL, 0.1))));
        assertEquals(List.of("normalization: mean/std of the training digits → off"),
                labels(base, base.withNormalization(new NormalizationSettings(NormalizationKind.NONE))));
        assertEquals(List.of("training digits: 8000 → 300", "epochs: 5 → 40"),
                labels(base, TestSettings.set("data.trainSize", 300, "training.epochs", 40)));
    }

    @Test
    void augmentationStepsAreAddedRemovedOrChanged() {
        ExperimentSettings base = Defaults.settings();
        ExperimentSettings rotated = TestSettings.set("augmentation.rotationDegrees", 15.0);
        assertEquals(List.of("augmentation: + random rotation ±15°"), labels(base, rotated));
        assertEquals(List.of("augmentation: − random rotation ±15°"), labels(rotated, base));
        assertEquals(List.of("augmentation: random rotation ±15° → random rotation ±30°, + random zoom ±10%"),
                labels(rotated, TestSettings.set("augmentation.rotationDegrees", 30.0, "augmentation.zoom", 0.1)));
        assertEquals(List.of("augmentation.rotationDegrees"),
                SettingsDiff.between(base, rotated).stream().map(SettingsDiff.Change::field).toList());
        assertEquals(List.of("augmentation"), SettingsDiff.between(rotated, TestSettings.set("augmentation.zoom", 0.1))
                .stream().map(SettingsDiff.Change::field).toList());
    }

    @Test
    void schedulers() {
        ExperimentSettings none = Defaults.settings();
        ExperimentSettings step = none.withScheduler(none.scheduler().withKind(SchedulerKind.STEP));
        assertEquals(List.of("LR scheduler: none → StepLR (step size 1, γ 0.7)"), labels(none, step));
        SchedulerSettings e = none.scheduler().withKind(SchedulerKind.EXPONENTIAL);
        ExperimentSettings exponential = none.withScheduler(new SchedulerSettings(e.kind(), e.stepSize(), 0.99,
                e.milestones(), e.plateauMode(), e.factor(), e.patience(), e.threshold(), e.thresholdMode(),
                e.cooldown(), e.minLr(), e.tMax(), e.etaMin(), e.warmupEpochs(), e.warmupStartFactor()));
        assertEquals(List.of("LR scheduler: StepLR (step size 1) → ExponentialLR", "γ: 0.7 → 0.99"),
                labels(step, exponential));
        ExperimentSettings plateau = none.withScheduler(none.scheduler().withKind(SchedulerKind.REDUCE_ON_PLATEAU));
        assertEquals(List.of("LR scheduler: none → ReduceLROnPlateau (factor 0.1, patience 1)"), labels(none, plateau));
        assertEquals(List.of("LR scheduler: none → MultiStepLR (milestones [10, 20, 40], γ 0.7)"),
                labels(none, none.withScheduler(none.scheduler().withKind(SchedulerKind.MULTI_STEP))));
    }

    @Test
    void koreanLabelsUseTheTutorialsTerms() {
        ExperimentSettings base = Defaults.settings();
        assertEquals(List.of("옵티마이저: Adam → SGD", "학습률: 0.001 → 0.01"),
                labels(base, base.withOptimizer(Defaults.optimizer(OptimizerKind.SGD)), KO));
        assertEquals(List.of("드롭아웃: 끔 → 0.2"),
                labels(base, base.withModel(new ModelSettings(ModelKind.CNN, false, 0.2)), KO));
        assertEquals(List.of("배치 정규화: 끔 → 켬"),
                labels(base, base.withModel(new ModelSettings(ModelKind.CNN, true, 0)), KO));
        assertEquals(List.of("가중치 감소: 없음 → L2 1e-4"),
                labels(base, base.withRegularization(new RegularizationSettings(RegularizationKind.L2, 1e-4)), KO));
        assertEquals(List.of("데이터 증강: + 무작위 회전 ±15°"),
                labels(base, TestSettings.set("augmentation.rotationDegrees", 15.0), KO));
        assertEquals(List.of("가중치 초기화: He 정규분포 → Xavier 정규분포"),
                labels(base, base.withInit(new InitSettings(InitKind.XAVIER_NORMAL, 0.1)), KO));
        assertEquals(List.of("데이터 정규화: 훈련 데이터의 평균/표준편차 → 끔"),
                labels(base, base.withNormalization(new NormalizationSettings(NormalizationKind.NONE)), KO));
        assertEquals(List.of("학습률 스케줄러: 없음 → StepLR (스텝 크기 1, γ 0.7)"),
                labels(base, base.withScheduler(base.scheduler().withKind(SchedulerKind.STEP)), KO));
    }

    @Test
    void otherLanguagesGetEnglishWhateverTheMachinesLanguage() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.KOREA);
        try {
            ExperimentSettings base = Defaults.settings();
            assertEquals(List.of("dropout: off → 0.2"),
                    labels(base, base.withModel(new ModelSettings(ModelKind.CNN, false, 0.2)), Locale.FRENCH));
            assertEquals(List.of("드롭아웃: 끔 → 0.2"),
                    labels(base, base.withModel(new ModelSettings(ModelKind.CNN, false, 0.2)), Locale.KOREA));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void summariesNameWhatIsOn() {
        ExperimentSettings s = Defaults.settings()
                .withModel(new ModelSettings(ModelKind.CNN, true, 0.2))
                .withScheduler(Defaults.scheduler().withKind(SchedulerKind.STEP))
                .withRegularization(new RegularizationSettings(RegularizationKind.L2, 1e-4))
                .withData(new DataSettings(DatasetSource.BUNDLED_DIGITS, null, 500))
                .withTraining(new TrainingSettings(20, 64, 1));
        assertEquals("CNN · BN · dropout 0.2 · He · Adam 0.001 · StepLR · L2 1e-4 · norm · 500 digits · 20 ep",
                SettingsDiff.summary(s));
        assertEquals("CNN · 배치 정규화 · 드롭아웃 0.2 · He · Adam 0.001 · StepLR · L2 1e-4 · 정규화 · 숫자 500개 · 20 에폭",
                SettingsDiff.summary(s, KO));
        ExperimentSettings plain = TestSettings.set("model.kind", ModelKind.MLP, "init.kind", InitKind.NORMAL,
                "init.sigma", 1.0, "normalization.kind", NormalizationKind.NONE, "augmentation.rotationDegrees", 15.0,
                "augmentation.shiftPixels", 2, "data.source", DatasetSource.MNIST, "data.trainSize", 60000);
        assertEquals("MLP · N(0, 1) · Adam 0.001 · aug: rot ±15°, shift ±2 · no norm · MNIST 60000 digits · 5 ep",
                SettingsDiff.summary(plain));
    }

    @Test
    void numbersAreWrittenAsPeopleWriteSettings() {
        assertEquals("0.001", Numbers.compact(0.001));
        assertEquals("1e-4", Numbers.compact(1e-4));
        assertEquals("2.5e-5", Numbers.compact(2.5e-5));
        assertEquals("1e-8", Numbers.compact(1e-8));
        assertEquals("0.3", Numbers.compact(0.3));
        assertEquals("40", Numbers.compact(40));
        assertEquals("0", Numbers.compact(0));
    }

    @Test
    void aGroupsSeedsShareTheirLinesAndADifferentSeedIsStillNamed() {
        ExperimentSettings parent = Defaults.settings().withName("No regularization");
        ExperimentSettings child = parent.withName("Dropout 0.2").withModel(new ModelSettings(ModelKind.CNN, false, 0.2));
        String seed1 = SettingsDiff.describe(parent, child, Locale.ENGLISH);
        assertEquals("dropout: off → 0.2", seed1);
        for (long seed : new long[] {2, 3, 42}) {
            assertEquals(seed1, SettingsDiff.describe(seeded(parent, seed), seeded(child, seed), Locale.ENGLISH),
                    "seed " + seed + " of the child against seed " + seed + " of the parent");
            assertEquals(SettingsDiff.summary(child, Locale.ENGLISH), SettingsDiff.summary(seeded(child, seed), Locale.ENGLISH));
        }
        long own = parent.training().seed();
        assertEquals("dropout: off → 0.2; seed: " + own + " → 7", SettingsDiff.describe(parent, seeded(child, 7), Locale.ENGLISH),
                "a run of another seed than its parent's says so, lines made for equal seeds notwithstanding");
    }

    private static ExperimentSettings seeded(ExperimentSettings s, long seed) {
        return s.withTraining(new TrainingSettings(s.training().epochs(), s.training().batchSize(), seed));
    }
}
