package org.trainlab.ui.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainlab.data.NormalizationStats;
import org.trainlab.experiment.settings.AugmentationSettings;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.NormalizationKind;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.RegularizationKind;
import org.trainlab.experiment.settings.SchedulerKind;

class SettingsViewModelTest {

    private final FakeDatasets datasets = new FakeDatasets();
    private final SettingsViewModel vm = FakeDatasets.viewModel(datasets);

    @Test
    void startsFromTheDefaultsAndTheyAreValid() {
        assertEquals(Defaults.settings(), vm.settingsProperty().get());
        assertTrue(vm.validProperty().get(), () -> vm.problemsProperty().toString());
        assertEquals("0.001", vm.learningRate().textProperty().get());
    }

    @Test
    void textThatIsNotANumberIsMarkedAtItsField() {
        vm.learningRate().textProperty().set("abc");

        FieldProblem problem = vm.fieldProblems().get("optimizer.learningRate");
        assertEquals(FieldProblem.of("optimizer.learningRate", "problem.notANumber", "abc"), problem);
        assertFalse(vm.validProperty().get());

        vm.learningRate().textProperty().set("1e-3");
        assertNull(vm.fieldProblems().get("optimizer.learningRate"));
        assertTrue(vm.validProperty().get());
    }

    @Test
    void outOfRangeValuesCarryTheValidatorsRange() {
        vm.learningRate().textProperty().set("0");
        assertEquals(FieldProblem.of("optimizer.learningRate", "problem.range.greaterThanAtMost", "0", "0", "10"),
                vm.fieldProblems().get("optimizer.learningRate"));

        vm.batchSize().textProperty().set("5000");
        assertEquals(FieldProblem.of("training.batchSize", "problem.range.closed", "5000", "1", "4096"),
                vm.fieldProblems().get("training.batchSize"));
        assertEquals(List.of("training.batchSize", "optimizer.learningRate"),
                vm.problemsProperty().stream().map(FieldProblem::field).toList(), "problems in the panel's order");
    }

    @Test
    void aFieldTheChoiceDoesNotUseNeverBlocksARun() {
        vm.optimizerKindProperty().set(OptimizerKind.ADAM);
        vm.momentum().textProperty().set("abc");
        assertTrue(vm.validProperty().get());

        vm.optimizerKindProperty().set(OptimizerKind.MOMENTUM);
        // switching loads the kind's defaults, which replaces the bad text
        assertEquals("0.9", vm.momentum().textProperty().get());
        vm.momentum().textProperty().set("abc");
        assertEquals("problem.notANumber", vm.fieldProblems().get("optimizer.momentum").key());
    }

    @Test
    void choosingAnOptimizerLoadsItsUsualParameters() {
        vm.optimizerKindProperty().set(OptimizerKind.SGD);
        assertEquals("0.01", vm.learningRate().textProperty().get());
        assertEquals(Defaults.optimizer(OptimizerKind.SGD), vm.settingsProperty().get().optimizer());
    }

    @Test
    void weightDecaySliderIsLogarithmicWithZeroAtTheLeft() {
        assertEquals(0, SettingsViewModel.decayStrength(0));
        assertEquals(1e-6, SettingsViewModel.decayStrength(1), 1e-18);
        assertEquals(1e-4, SettingsViewModel.decayStrength(3), 1e-16);
        assertEquals(1, SettingsViewModel.decayStrength(SettingsViewModel.DECADES));
        assertEquals(3, SettingsViewModel.decayPosition(1e-4), 1e-9);
        assertEquals(RegularizationKind.NONE, vm.settingsProperty().get().regularization().kind());

        vm.decayKindProperty().set(RegularizationKind.L1);
        vm.decayPositionProperty().set(3);
        assertEquals(RegularizationKind.L1, vm.settingsProperty().get().regularization().kind());
        assertEquals(1e-4, vm.settingsProperty().get().regularization().strength(), 1e-16);
    }

    @Test
    void theLearningRatePreviewFollowsTheSchedule() {
        vm.schedulerKindProperty().set(SchedulerKind.STEP);
        vm.stepSize().textProperty().set("1");
        vm.gamma().textProperty().set("0.5");
        vm.epochs().textProperty().set("3");
        assertArrayEquals(new double[] {1e-3, 5e-4, 2.5e-4}, vm.lrPreviewProperty().get(), 1e-12);

        vm.gamma().textProperty().set("2");
        assertEquals(0, vm.lrPreviewProperty().get().length, "no preview while the schedule is wrong");
    }

    @Test
    void tickingAnAugmentationRedrawsThePreview() {
        AugmentationPreview.Images before = vm.augmentationPreview().imagesProperty().get();
        assertNotNull(before);
        vm.noiseProperty().set(true);
        AugmentationPreview.Images after = vm.augmentationPreview().imagesProperty().get();
        int firstAugmented = after.columns() * after.imageSize();
        assertFalse(java.util.Arrays.equals(before.pixels(), after.pixels()));
        assertArrayEquals(java.util.Arrays.copyOf(before.pixels(), firstAugmented),
                java.util.Arrays.copyOf(after.pixels(), firstAugmented), "the first row stays as stored");
        assertEquals(0.1, vm.settingsProperty().get().augmentation().noiseStd());
    }

    @Test
    void loadingARunWithTheSameAugmentationKeepsThePictureAndAnotherRedrawsIt() {
        AugmentationPreview.Images before = vm.augmentationPreview().imagesProperty().get();
        ExperimentSettings shown = vm.settingsProperty().get();
        vm.load(shown.withName("Dropout 0.2"));
        assertSame(before, vm.augmentationPreview().imagesProperty().get(), "nothing to draw again");

        AugmentationSettings a = shown.augmentation();
        vm.load(shown.withAugmentation(new AugmentationSettings(a.resizeCrop(), a.horizontalFlip(), a.rotate90(),
                a.rotationDegrees(), a.shiftPixels(), a.zoom(), 0.1, a.erasingProbability())));
        assertNotSame(before, vm.augmentationPreview().imagesProperty().get());
        assertEquals(0.1, vm.settingsProperty().get().augmentation().noiseStd());
    }

    @Test
    void normalizationShowsTheStatisticsOfTheChosenSubset() {
        vm.trainSize().textProperty().set("100");
        vm.normalizationProperty().set(NormalizationKind.TRAINING_SPLIT);
        assertEquals(NormalizationStats.of(FakeDatasets.SPLIT.train().prefix(100)), vm.dataset().statsProperty().get());
        vm.normalizationProperty().set(NormalizationKind.FIXED_MNIST);
        assertEquals(NormalizationStats.FIXED_MNIST, vm.dataset().statsProperty().get());
    }

    @Test
    void aFailedDownloadSaysWhyAndKeepsEverySetting() {
        datasets.downloadFails = new IOException("train-images-idx3-ubyte.gz: no route to host");
        vm.batchSize().textProperty().set("32");
        vm.sourceProperty().set(DatasetSource.MNIST);

        assertEquals(DatasetViewModel.Availability.NOT_DOWNLOADED, vm.dataset().availabilityProperty().get());
        assertTrue(vm.dataset().detailProperty().get().contains("no route to host"));
        assertEquals("problem.dataset.notDownloaded", vm.fieldProblems().get("data.source").key());
        assertFalse(vm.validProperty().get());
        assertEquals("32", vm.batchSize().textProperty().get());

        datasets.downloadFails = null;
        vm.dataset().download();
        assertEquals(DatasetViewModel.Availability.READY, vm.dataset().availabilityProperty().get());
        assertTrue(vm.validProperty().get());
        assertEquals(32, vm.settingsProperty().get().training().batchSize());
    }

    @Test
    void aMissingIdxFolderIsMarkedAtTheFolderField() {
        vm.sourceProperty().set(DatasetSource.IDX_FOLDER);
        assertEquals("problem.missing", vm.fieldProblems().get("data.folder").key());
        vm.folderProperty().set("/no/such/folder");
        FieldProblem problem = vm.fieldProblems().get("data.folder");
        assertEquals("problem.dataset.unreadable", problem.key());
        assertTrue(problem.args().get(0).contains("/no/such/folder"));
    }

    @Test
    void resetRestoresTheDefaults() {
        vm.learningRate().textProperty().set("abc");
        vm.batchNormProperty().set(true);
        vm.resetToDefaults();
        assertEquals(Defaults.settings(), vm.settingsProperty().get());
        assertNotEquals(false, vm.validProperty().get());
    }
}
