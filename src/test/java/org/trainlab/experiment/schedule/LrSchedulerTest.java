package org.trainlab.experiment.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.validation.InvalidSettingsException;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.experiment.settings.SchedulerSettings;
import org.trainlab.experiment.settings.SchedulerSettings.PlateauMode;
import org.trainlab.experiment.settings.SchedulerSettings.ThresholdMode;

/**
 * Closed-form schedules against PyTorch's formulas worked by hand, epoch by epoch (index 0 = the
 * rate of epoch 1, before any step).
 */
class LrSchedulerTest {

    private static final double TOLERANCE = 1e-15;
    private static final double LR = 0.1;

    @Test
    void noneKeepsTheRate() {
        double[] expected = new double[12];
        Arrays.fill(expected, LR);
        assertArrayEquals(expected, LrScheduler.preview(Defaults.scheduler(), LR, 12), TOLERANCE);
    }

    @Test
    void stepDecaysEveryStepSizeEpochs() {
        // StepLR(step_size=3, gamma=0.5): lr0 * gamma^(e // 3)
        SchedulerSettings s = scheduler(SchedulerKind.STEP, 3, 0.5, List.of(), 0, 0, 0, 0);
        double h = 0.5;
        double[] expected = {
                LR, LR, LR,
                LR * h, LR * h, LR * h,
                LR * h * h, LR * h * h, LR * h * h,
                LR * h * h * h, LR * h * h * h, LR * h * h * h};
        assertArrayEquals(expected, LrScheduler.preview(s, LR, 12), TOLERANCE);
    }

    @Test
    void multiStepDecaysOnceAtEachMilestone() {
        // MultiStepLR(milestones=[2, 5, 9], gamma=0.1): lr0 * gamma^bisect_right(milestones, e)
        SchedulerSettings s = scheduler(SchedulerKind.MULTI_STEP, 1, 0.1, List.of(2, 5, 9), 0, 0, 0, 0);
        double g1 = 0.1;
        double g2 = 0.1 * 0.1;
        double g3 = 0.1 * 0.1 * 0.1;
        double[] expected = {
                LR, LR,
                LR * g1, LR * g1, LR * g1,
                LR * g2, LR * g2, LR * g2, LR * g2,
                LR * g3, LR * g3, LR * g3};
        assertArrayEquals(expected, LrScheduler.preview(s, LR, 12), TOLERANCE);
    }

    @Test
    void aMilestonePastTheLastEpochNeverFires() {
        SchedulerSettings s = scheduler(SchedulerKind.MULTI_STEP, 1, 0.1, List.of(1, 50), 0, 0, 0, 0);
        double[] rates = LrScheduler.preview(s, LR, 12);
        assertEquals(LR, rates[0]);
        assertEquals(LR * 0.1, rates[11], TOLERANCE);
    }

    @Test
    void exponentialDecaysEveryEpoch() {
        // ExponentialLR(gamma=0.9): lr0 * 0.9^e
        SchedulerSettings s = scheduler(SchedulerKind.EXPONENTIAL, 1, 0.9, List.of(), 0, 0, 0, 0);
        double[] expected = new double[12];
        double rate = LR;
        for (int e = 0; e < 12; e++) {
            expected[e] = rate;
            rate *= 0.9; // PyTorch's chained form
        }
        assertArrayEquals(expected, LrScheduler.preview(s, LR, 12), 1e-14);
    }

    @Test
    void cosineFallsToEtaMinAtTMaxThenClimbsBack() {
        // CosineAnnealingLR(T_max=4, eta_min=0.001): eta + (lr0 - eta) * (1 + cos(pi e / 4)) / 2;
        // cos(pi/4) = sqrt(1/2), cos(pi/2) = 0, cos(3pi/4) = -sqrt(1/2), cos(pi) = -1, period 8
        double eta = 0.001;
        SchedulerSettings s = scheduler(SchedulerKind.COSINE, 1, 1, List.of(), 4, eta, 0, 0);
        double span = LR - eta;
        double high = eta + span * (1 + Math.sqrt(0.5)) / 2;
        double mid = eta + span / 2;
        double low = eta + span * (1 - Math.sqrt(0.5)) / 2;
        double[] expected = {LR, high, mid, low, eta, low, mid, high, LR, high, mid, low};
        assertArrayEquals(expected, LrScheduler.preview(s, LR, 12), 1e-15);
    }

    @Test
    void cosineMatchesPyTorchsRecursiveFormPastTMax() {
        // CosineAnnealingLR.get_lr as PyTorch steps it, including its special case after T_max
        double eta = 0.002;
        int tMax = 5;
        SchedulerSettings s = scheduler(SchedulerKind.COSINE, 1, 1, List.of(), tMax, eta, 0, 0);
        double[] rates = LrScheduler.preview(s, LR, 23);
        double lr = LR;
        for (int e = 1; e < rates.length; e++) {
            if ((e - 1 - tMax) % (2 * tMax) == 0) {
                lr = lr + (LR - eta) * (1 - Math.cos(Math.PI / tMax)) / 2;
            } else {
                lr = (1 + Math.cos(Math.PI * e / tMax)) / (1 + Math.cos(Math.PI * (e - 1) / tMax)) * (lr - eta) + eta;
            }
            assertEquals(lr, rates[e], 1e-12, "epoch index " + e);
        }
    }

    @Test
    void warmupRisesLinearlyThenHolds() {
        // LinearLR(start_factor=0.25, end_factor=1, total_iters=4): lr0 * (0.25 + 0.75 * min(e, 4) / 4)
        SchedulerSettings s = scheduler(SchedulerKind.WARMUP, 1, 1, List.of(), 0, 0, 4, 0.25);
        double[] expected = {
                LR * 0.25, LR * (0.25 + 0.75 / 4), LR * (0.25 + 0.75 / 2), LR * (0.25 + 0.75 * 3 / 4),
                LR, LR, LR, LR, LR, LR, LR, LR};
        assertArrayEquals(expected, LrScheduler.preview(s, LR, 12), TOLERANCE);
    }

    @Test
    void closedFormSchedulesIgnoreTheMonitoredValue() {
        SchedulerSettings s = scheduler(SchedulerKind.EXPONENTIAL, 1, 0.5, List.of(), 0, 0, 0, 0);
        LrScheduler scheduler = LrScheduler.create(s, LR);
        scheduler.step(Double.NaN);
        scheduler.step(-1e9);
        assertEquals(LR * 0.5 * 0.5, scheduler.currentLr(), TOLERANCE);
    }

    @Test
    void plateauPreviewAssumesALossThatStopsImprovingAfterEpochOne() {
        // patience 1: epoch 1 sets best, 2 is bad (1 of 1 allowed), 3 is bad again -> reduce after epoch 3
        SchedulerSettings s = Defaults.scheduler().withKind(SchedulerKind.REDUCE_ON_PLATEAU);
        double f = s.factor();
        double[] expected = {LR, LR, LR, LR * f, LR * f, LR * f * f, LR * f * f, LR * f * f * f};
        assertArrayEquals(expected, LrScheduler.preview(s, LR, 8), 1e-15);
    }

    @Test
    void previewOfNoEpochsIsEmptyAndNegativeIsRefused() {
        assertEquals(0, LrScheduler.preview(Defaults.scheduler(), LR, 0).length);
        assertThrows(IllegalArgumentException.class, () -> LrScheduler.preview(Defaults.scheduler(), LR, -1));
    }

    @Test
    void invalidSettingsOrRatesAreRefused() {
        SchedulerSettings noSteps = scheduler(SchedulerKind.STEP, 0, 0.5, List.of(), 0, 0, 0, 0);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> LrScheduler.create(noSteps, LR));
        assertEquals("scheduler.stepSize", e.problems().get(0).field());
        SchedulerSettings cosine = scheduler(SchedulerKind.COSINE, 1, 1, List.of(), 10, 0.5, 0, 0);
        assertThrows(InvalidSettingsException.class, () -> LrScheduler.create(cosine, LR));
        assertThrows(IllegalArgumentException.class, () -> LrScheduler.create(Defaults.scheduler(), 0));
        assertThrows(IllegalArgumentException.class, () -> LrScheduler.create(Defaults.scheduler(), Double.NaN));
    }

    /** The defaults with the closed-form parameters replaced. */
    private static SchedulerSettings scheduler(SchedulerKind kind, int stepSize, double gamma, List<Integer> milestones,
                                               int tMax, double etaMin, int warmupEpochs, double warmupStartFactor) {
        SchedulerSettings d = Defaults.scheduler();
        return new SchedulerSettings(kind, stepSize, gamma, milestones, d.plateauMode(), d.factor(), d.patience(),
                d.threshold(), d.thresholdMode(), d.cooldown(), d.minLr(), tMax, etaMin, warmupEpochs,
                warmupStartFactor);
    }

    static SchedulerSettings plateau(PlateauMode mode, double factor, int patience, double threshold,
                                     ThresholdMode thresholdMode, int cooldown, double minLr) {
        SchedulerSettings d = Defaults.scheduler();
        return new SchedulerSettings(SchedulerKind.REDUCE_ON_PLATEAU, d.stepSize(), d.gamma(), d.milestones(), mode,
                factor, patience, threshold, thresholdMode, cooldown, minLr, d.tMax(), d.etaMin(), d.warmupEpochs(),
                d.warmupStartFactor());
    }
}
