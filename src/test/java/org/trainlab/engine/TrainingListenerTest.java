package org.trainlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;

/** The two ways listeners are combined: one after the other, and behind a gate. */
class TrainingListenerTest {

    private static TrainingListener recorder(String name, List<String> heard) {
        return new TrainingListener() {
            @Override
            public void onStateChanged(RunState state, StateNote note) {
                heard.add(name + " " + state);
            }

            @Override
            public void onBatch(BatchMetrics metrics) {
                heard.add(name + " batch " + metrics.batch());
                if (name.equals("failing")) {
                    throw new IllegalStateException("listener failed");
                }
            }
        };
    }

    @Test
    void bothHandsEachEventToTheFirstThenTheSecondEvenWhenTheFirstThrows() {
        List<String> heard = new ArrayList<>();
        TrainingListener both = TrainingListener.both(recorder("failing", heard), recorder("second", heard));

        both.onStateChanged(RunState.RUNNING, null);
        assertThrows(IllegalStateException.class, () -> both.onBatch(new BatchMetrics(1, 3, 10, 3, 0.5, 0.01)));

        assertEquals(List.of("failing RUNNING", "second RUNNING", "failing batch 3", "second batch 3"), heard);
    }

    @Test
    void gatedPassesEventsOnlyWhileOpen() {
        List<String> heard = new ArrayList<>();
        AtomicBoolean open = new AtomicBoolean(true);
        TrainingListener gated = TrainingListener.gated(open::get, recorder("inner", heard));

        gated.onStateChanged(RunState.RUNNING, null);
        open.set(false);
        gated.onStateChanged(RunState.COMPLETED, null);

        assertEquals(List.of("inner RUNNING"), heard);
    }
}
