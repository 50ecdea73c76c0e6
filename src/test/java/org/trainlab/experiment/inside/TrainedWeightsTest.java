package org.trainlab.experiment.inside;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.settings.Defaults;

class TrainedWeightsTest {

    @Test
    void weightsMadeFromArraysKeepTheirOwnCopyAndHandOutCopies() {
        float[] p = {1, 2, 3};
        double[] s = {0.5};
        TrainedWeights w = new TrainedWeights(Defaults.settings().model(), 3, 0.13, 0.31, p, s);
        p[0] = 9;
        s[0] = 9;
        assertArrayEquals(new float[] {1, 2, 3}, w.parameters(), "what the caller writes afterwards does not reach them");
        assertArrayEquals(new double[] {0.5}, w.state());
        w.parameters()[1] = 9;
        w.state()[0] = 9;
        assertArrayEquals(new float[] {1, 2, 3}, w.parameters(), "nor what a reader writes into what it was handed");
        assertArrayEquals(new double[] {0.5}, w.state());
    }

    @Test
    void weightsTakenOverEqualWeightsCopiedAndHaveNoStateWithoutBatchNorm() {
        TrainedWeights copied = new TrainedWeights(Defaults.settings().model(), 3, 0.13, 0.31, new float[] {1, 2, 3}, null);
        TrainedWeights taken = TrainedWeights.owning(Defaults.settings().model(), 3, 0.13, 0.31, new float[] {1, 2, 3}, null);
        assertEquals(copied, taken);
        assertEquals(copied.hashCode(), taken.hashCode());
        assertEquals(0, taken.state().length);
        assertEquals(3, taken.parameterCount());
        assertNotEquals(copied, TrainedWeights.owning(Defaults.settings().model(), 4, 0.13, 0.31, new float[] {1, 2, 3}, null));
    }
}
