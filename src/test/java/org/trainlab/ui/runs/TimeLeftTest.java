package org.trainlab.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.trainlab.engine.RunInfo;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.TrainingSettings;
import org.trainlab.ui.charts.RunEvent;

/**
 * The run bar's time left against a fake clock: a run of 300 digits whose held-out evaluation takes
 * longer than its batches, as the overfitting preset's runs do.
 */
class TimeLeftTest {

    static final int EPOCHS = 12, BATCHES = 10;
    static final double BATCH_SECONDS = 0.02, EVAL_SECONDS = 0.3;

    static ExperimentSettings settings() {
        ExperimentSettings s = Defaults.settings();
        return s.withData(new DataSettings(s.data().source(), s.data().folder(), 300))
                .withTraining(new TrainingSettings(EPOCHS, 32, 7));
    }

    /** Feeds a run's events with made-up but realistic times; returns the worst relative error of the estimate. */
    static double worstError(double[] batchOnlyWorst) {
        SplittableRandom random = new SplittableRandom(3);
        RunTracker t = RunTracker.submitted(settings());
        t.apply(new RunEvent.StateChanged("r", RunState.RUNNING, null));
        t.apply(new RunEvent.Prepared("r", new RunInfo(300, 2000, BATCHES, 0, 1, 1, "", null)));
        // every batch and evaluation ±10% around its mean, the first epoch 40% slower (code being compiled)
        double[][] batchEnds = new double[EPOCHS][BATCHES];
        double now = 0;
        for (int e = 0; e < EPOCHS; e++) {
            double slow = e == 0 ? 1.4 : 1.0;
            for (int b = 0; b < BATCHES; b++) {
                now += slow * BATCH_SECONDS * (0.9 + 0.2 * random.nextDouble());
                batchEnds[e][b] = now;
            }
            now += slow * EVAL_SECONDS * (0.9 + 0.2 * random.nextDouble());
        }
        double end = now;
        double worst = 0;
        long iteration = 0;
        for (int e = 0; e < EPOCHS; e++) {
            for (int b = 0; b < BATCHES; b++) {
                iteration++;
                long nanos = Math.round(batchEnds[e][b] * 1e9);
                t.apply(new RunEvent.Batch("r", new BatchMetrics(e + 1, b + 1, BATCHES, iteration, 0.5, 1e-3), nanos));
                double actual = end - batchEnds[e][b];
                double error = Math.abs(t.secondsLeft() - actual) / actual;
                if (e >= 2 && e < EPOCHS - 1) { // two whole epochs timed, a whole epoch still to go
                    worst = Math.max(worst, error);
                }
                if (e == 0 && b == BATCHES - 1) {
                    batchOnlyWorst[0] = error;
                }
            }
        }
        return worst;
    }

    @Test
    void timeLeftFollowsWholeEpochsWithinFifteenPercent() {
        double[] batchOnly = new double[1];
        double worst = worstError(batchOnly);
        assertTrue(worst <= 0.15, "worst error of the time left " + worst);
        // before a whole epoch was timed, the batches alone leave out the evaluation: far too little
        assertTrue(batchOnly[0] > 0.3, "the batch-only estimate was off by " + batchOnly[0]);
    }

    @Test
    void epochClockTimesWholeEpochsAndSkipsAPausedOne() {
        EpochClock clock = new EpochClock();
        long s = 1_000_000_000L;
        clock.onBatch(1, 1, 5, 0);
        clock.onBatch(1, 2, 5, s / 2);
        assertTrue(Double.isNaN(clock.epochSeconds()));
        clock.onBatch(2, 1, 5, 2 * s);
        assertEquals(2.0, clock.epochSeconds(), 1e-9);
        // 3 more epochs after this one, and this one's 2 s, half a second in
        assertEquals(3 * 2.0 + 1.5, clock.onBatch(2, 2, 5, 2 * s + s / 2), 1e-9);
        clock.interrupted(); // paused: epoch 2's length says nothing about the speed
        clock.onBatch(3, 1, 5, 60 * s);
        assertEquals(2.0, clock.epochSeconds(), 1e-9);
        clock.onBatch(4, 1, 5, 63 * s);
        assertEquals(3.0, clock.epochSeconds(), 1e-9); // the first epoch left out once another was timed
        clock.onBatch(5, 1, 5, 67 * s);
        assertEquals(3.5, clock.epochSeconds(), 1e-9); // median of 3 and 4
    }
}
