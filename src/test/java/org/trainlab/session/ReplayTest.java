package org.trainlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.record.EpochMetrics;

class ReplayTest {

    /** Epochs of 10 steps ending at 2 s, 6 s and 7 s of training: uneven on purpose. */
    private static final List<EpochMetrics> EPOCHS = List.of(
            SessionSamples.epoch(1, 10, 2.0), SessionSamples.epoch(2, 20, 6.0), SessionSamples.epoch(3, 30, 7.0));

    private static List<LossPoint> everyStep(long to) {
        List<LossPoint> points = new ArrayList<>();
        for (long i = 1; i <= to; i++) {
            points.add(new LossPoint(i, 1f / i));
        }
        return points;
    }

    @Test
    void atOriginalSpeedEpochsAppearWhenTheyEnded() {
        Replay replay = Replay.of(EPOCHS, everyStep(30), Replay.Speed.timesOriginal(1));
        assertEquals(2.0, replay.epochTime(0));
        assertEquals(6.0, replay.epochTime(1));
        assertEquals(7.0, replay.epochTime(2));
        assertEquals(7.0, replay.duration());
    }

    @Test
    void lossPointsAreSpreadEvenlyWithinTheirEpoch() {
        Replay replay = Replay.of(EPOCHS, everyStep(30), Replay.Speed.timesOriginal(1));
        assertEquals(0.2, replay.lossTime(0), 1e-12);   // step 1 of 10 in [0, 2]
        assertEquals(2.0, replay.lossTime(9), 1e-12);   // step 10: the epoch's end
        assertEquals(4.0, replay.lossTime(14), 1e-12);  // step 15: half-way through [2, 6]
        assertEquals(6.5, replay.lossTime(24), 1e-12);  // step 25: half-way through [6, 7]
    }

    @Test
    void aFasterReplayDividesEveryTime() {
        Replay replay = Replay.of(EPOCHS, everyStep(30), Replay.Speed.timesOriginal(4));
        assertEquals(1.75, replay.duration(), 1e-12);
        assertEquals(1.0, replay.lossTime(14), 1e-12);
        assertEquals(1.5, replay.epochTime(1), 1e-12);
    }

    @Test
    void epochsPerSecondIgnoresTheOriginalPace() {
        Replay replay = Replay.of(EPOCHS, everyStep(30), Replay.Speed.epochsPerSecond(2));
        assertEquals(0.5, replay.epochTime(0), 1e-12);
        assertEquals(1.0, replay.epochTime(1), 1e-12);
        assertEquals(1.5, replay.duration(), 1e-12);
        assertEquals(0.75, replay.lossTime(14), 1e-12);
    }

    @Test
    void framesCountWhatHasAppeared() {
        Replay replay = Replay.of(EPOCHS, everyStep(30), Replay.Speed.timesOriginal(1));
        assertEquals(new Replay.Frame(0, 0, false), replay.at(0.1));
        assertEquals(new Replay.Frame(1, 10, false), replay.at(2.0));
        assertEquals(new Replay.Frame(1, 15, false), replay.at(4.0));
        assertEquals(new Replay.Frame(3, 30, true), replay.at(7.0));
        assertEquals(new Replay.Frame(3, 30, true), replay.at(100));
        assertEquals(15, replay.lossesUpTo(4.0).size());
        assertEquals(EPOCHS.subList(0, 2), replay.epochsUpTo(6.5));
        int previous = 0;
        for (double t = 0; t <= 7.5; t += 1 / 60.0) { // a 60 fps timer never sees a point disappear
            int now = replay.at(t).lossPoints();
            assertTrue(now >= previous);
            previous = now;
        }
    }

    @Test
    void decimatedPointsAndAStoppedRunsTailFollowTheSamePace() {
        // points every 4 steps, then 6 steps into epoch 4 when the run was stopped
        List<LossPoint> points = List.of(new LossPoint(4, 1), new LossPoint(8, 1), new LossPoint(12, 1),
                new LossPoint(28, 1), new LossPoint(36, 1));
        Replay replay = Replay.of(EPOCHS, points, Replay.Speed.timesOriginal(1));
        assertEquals(0.8, replay.lossTime(0), 1e-12);
        assertEquals(2.0 + 0.2 * 4, replay.lossTime(2), 1e-12);
        assertEquals(7.0 + 6 * 0.1, replay.lossTime(4), 1e-12, "the last epoch's 0.1 s per step continues");
        assertEquals(7.6, replay.duration(), 1e-12);
    }

    @Test
    void badTimesAndMissingEpochsDoNotBreakTheSchedule() {
        List<EpochMetrics> odd = List.of(SessionSamples.epoch(1, 10, 3.0), SessionSamples.epoch(2, 20, Double.NaN),
                SessionSamples.epoch(3, 30, 1.0));
        Replay replay = Replay.of(odd, everyStep(30), Replay.Speed.timesOriginal(1));
        assertEquals(3.0, replay.epochTime(1));
        assertEquals(3.0, replay.epochTime(2));
        assertEquals(3.0, replay.duration());

        Replay noEpochs = Replay.of(List.of(), everyStep(50), Replay.Speed.timesOriginal(2));
        assertEquals(0.5, noEpochs.duration(), 1e-12, "losses without an epoch count as one second of training");
        assertFalse(noEpochs.at(0.25).finished());

        Replay nothing = Replay.of(List.of(), List.of(), Replay.Speed.epochsPerSecond(1));
        assertEquals(0, nothing.duration());
        assertTrue(nothing.at(0).finished());
        assertThrows(IllegalArgumentException.class, () -> Replay.Speed.timesOriginal(0));
    }
}
