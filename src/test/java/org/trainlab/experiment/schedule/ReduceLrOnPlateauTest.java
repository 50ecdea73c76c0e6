package org.trainlab.experiment.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.trainlab.experiment.schedule.LrSchedulerTest.plateau;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.settings.SchedulerSettings.PlateauMode;
import org.trainlab.experiment.settings.SchedulerSettings.ThresholdMode;

/**
 * Scenarios traced by hand through torch.optim.lr_scheduler.ReduceLROnPlateau.step: is_better, then
 * num_bad_epochs, then the cooldown counter, then reduce when num_bad_epochs > patience.
 */
class ReduceLrOnPlateauTest {

    private static final double LR = 0.1;

    @Test
    void steadyImprovementNeverReduces() {
        double[] losses = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1};
        double[] expected = new double[losses.length + 1];
        Arrays.fill(expected, LR);
        assertArrayEquals(expected, run(defaults(1, 0), losses), 0);
    }

    @Test
    void aFlatLossWithPatienceOneReducesAfterTheThirdEpochThenEveryTwo() {
        // step 1: best = 1 (anything beats +inf); step 2: bad 1, not > 1; step 3: bad 2 -> reduce;
        // steps 4, 5: bad 1, 2 -> reduce; and so on
        double[] losses = {1, 1, 1, 1, 1, 1, 1};
        double[] expected = {LR, LR, LR, LR * 0.1, LR * 0.1, LR * 0.01, LR * 0.01, LR * 0.001};
        assertArrayEquals(expected, run(defaults(1, 0), losses), 1e-15);
    }

    @Test
    void anImprovementSmallerThanTheRelativeThresholdIsNotOne() {
        // threshold 1e-4 rel: 0.99995 is not below 1 * (1 - 1e-4) = 0.9999, so it counts as bad
        double[] losses = {1, 0.99995, 0.99991};
        double[] expected = {LR, LR, LR, LR * 0.1};
        assertArrayEquals(expected, run(defaults(1, 0), losses), 1e-15);
    }

    @Test
    void cooldownIgnoresBadEpochsAfterAReduction() {
        // as the flat case until the reduction after step 3 (cooldown 2 starts);
        // steps 4, 5: bad, but in cooldown -> counter 1, 0 and bad reset to 0;
        // step 6: bad 1; step 7: bad 2 -> reduce (4 epochs later rather than 2)
        double[] losses = {1, 1, 1, 1, 1, 1, 1, 1};
        double[] expected = {LR, LR, LR, LR * 0.1, LR * 0.1, LR * 0.1, LR * 0.1, LR * 0.01, LR * 0.01};
        assertArrayEquals(expected, run(defaults(1, 2), losses), 1e-15);
    }

    @Test
    void theRateNeverFallsBelowMinLr() {
        // patience 0: every bad epoch reduces; 0.1 -> 0.01 -> max(0.001, 0.002) = 0.002 -> stays
        ReduceLrOnPlateau scheduler = new ReduceLrOnPlateau(LR, PlateauMode.MIN, 0.1, 0, 1e-4, ThresholdMode.REL, 0,
                0.002);
        double[] expected = {LR, LR, LR * 0.1, 0.002, 0.002, 0.002};
        assertArrayEquals(expected, run(scheduler, new double[] {1, 1, 1, 1, 1}), 1e-15);
    }

    @Test
    void reductionsSmallerThanEpsAreSkipped() {
        // 1.5e-8 * 0.5 = 7.5e-9 is a change of 7.5e-9 < eps 1e-8: PyTorch keeps the old rate
        ReduceLrOnPlateau tiny = new ReduceLrOnPlateau(1.5e-8, PlateauMode.MIN, 0.5, 0, 0, ThresholdMode.ABS, 0, 0);
        tiny.step(1);
        tiny.step(1);
        assertEquals(1.5e-8, tiny.currentLr());
        // 3e-8 * 0.5 changes by 1.5e-8 > eps: reduced
        ReduceLrOnPlateau small = new ReduceLrOnPlateau(3e-8, PlateauMode.MIN, 0.5, 0, 0, ThresholdMode.ABS, 0, 0);
        small.step(1);
        small.step(1);
        assertEquals(3e-8 * 0.5, small.currentLr());
    }

    @Test
    void theTutorialsThresholdOfOneNeverSeesAnImprovement() {
        // ReduceLROnPlateau(optimizer, threshold=1, patience=1, mode='min'): is_better is
        // a < best * (1 - 1) = inf * 0 = nan, always false, so best stays inf and every epoch is bad,
        // even a falling loss: step 1 bad 1, step 2 bad 2 -> reduce; step 3 bad 1, step 4 -> reduce, ...
        ReduceLrOnPlateau scheduler = new ReduceLrOnPlateau(LR, PlateauMode.MIN, 0.1, 1, 1, ThresholdMode.REL, 0, 0);
        double[] falling = {0.9, 0.5, 0.3, 0.2, 0.1, 0.05, 0.01};
        double[] expected = {LR, LR, LR * 0.1, LR * 0.1, LR * 0.01, LR * 0.01, LR * 0.001, LR * 0.001};
        assertArrayEquals(expected, run(scheduler, falling), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, scheduler.best());
    }

    @Test
    void maxModeWithAnAbsoluteThresholdWatchesForARise() {
        // accuracy: 0.5 beats -inf; 0.6 > 0.5 + 0.05 -> best; 0.62 is not > 0.65 -> bad 1;
        // 0.64 -> bad 2 -> reduce; 0.7 > 0.65 -> best again; 0.7 -> bad 1
        ReduceLrOnPlateau scheduler = new ReduceLrOnPlateau(LR, PlateauMode.MAX, 0.5, 1, 0.05, ThresholdMode.ABS, 0, 0);
        double[] expected = {LR, LR, LR, LR, LR * 0.5, LR * 0.5, LR * 0.5};
        assertArrayEquals(expected, run(scheduler, new double[] {0.5, 0.6, 0.62, 0.64, 0.7, 0.7}), 1e-15);
        assertEquals(0.7, scheduler.best());
        assertEquals(1, scheduler.badEpochs());
    }

    @Test
    void maxModeWithARelativeThreshold() {
        // rel max: better when a > best * 1.1; 1.0 then 1.05 (not > 1.1) bad 1, 1.2 (> 1.1) best, 1.25 bad 1,
        // 1.3 bad 2 -> reduce
        ReduceLrOnPlateau scheduler = new ReduceLrOnPlateau(LR, PlateauMode.MAX, 0.5, 1, 0.1, ThresholdMode.REL, 0, 0);
        double[] expected = {LR, LR, LR, LR, LR, LR * 0.5};
        assertArrayEquals(expected, run(scheduler, new double[] {1.0, 1.05, 1.2, 1.25, 1.3}), 1e-15);
        assertEquals(1.2, scheduler.best());
    }

    @Test
    void minModeWithAnAbsoluteThreshold() {
        // abs min: better when a < best - 0.05; 1.0 best, 0.96 bad 1, 0.9 best, 0.88 bad 1, 0.86 bad 2 -> reduce
        ReduceLrOnPlateau scheduler = new ReduceLrOnPlateau(LR, PlateauMode.MIN, 0.1, 1, 0.05, ThresholdMode.ABS, 0, 0);
        double[] expected = {LR, LR, LR, LR, LR, LR * 0.1};
        assertArrayEquals(expected, run(scheduler, new double[] {1.0, 0.96, 0.9, 0.88, 0.86}), 1e-15);
    }

    @Test
    void aNaNLossCountsAsABadEpoch() {
        ReduceLrOnPlateau scheduler = new ReduceLrOnPlateau(LR, PlateauMode.MIN, 0.1, 0, 1e-4, ThresholdMode.REL, 0, 0);
        scheduler.step(1.0);
        scheduler.step(Double.NaN);
        assertEquals(LR * 0.1, scheduler.currentLr(), 1e-15);
        assertEquals(1.0, scheduler.best());
    }

    @Test
    void aFactorOfOneOrMoreIsRefusedAsInPyTorch() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReduceLrOnPlateau(LR, PlateauMode.MIN, 1.0, 0, 0, ThresholdMode.REL, 0, 0));
    }

    private static LrScheduler defaults(int patience, int cooldown) {
        return LrScheduler.create(plateau(PlateauMode.MIN, 0.1, patience, 1e-4, ThresholdMode.REL, cooldown, 0), LR);
    }

    /** The rate before each step, then after the last: one more than there are losses. */
    private static double[] run(LrScheduler scheduler, double[] losses) {
        double[] rates = new double[losses.length + 1];
        for (int i = 0; i < losses.length; i++) {
            rates[i] = scheduler.currentLr();
            scheduler.step(losses[i]);
        }
        rates[losses.length] = scheduler.currentLr();
        return rates;
    }
}
