package org.trainlab.ui.runs.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.TrainingSettings;

class QueueForecastTest {

    static ExperimentSettings run(int trainSize, int epochs) {
        ExperimentSettings s = Defaults.settings();
        return s.withData(new DataSettings(s.data().source(), s.data().folder(), trainSize))
                .withTraining(new TrainingSettings(epochs, 32, 7));
    }

    @Test
    void oneAtATimeTheQueueEndsAfterEveryRunInTurn() {
        var ref = new QueueForecast.Reference(run(300, 40), 0.7, 2000);
        double end = QueueForecast.secondsUntilEmpty(List.of(10.0), List.of(run(300, 40), run(300, 40)), ref, 1);
        assertEquals(10 + 2 * 40 * 0.7, end, 1e-9);
    }

    @Test
    void twoPlacesTakeTheFirstFreeOne() {
        var ref = new QueueForecast.Reference(run(300, 10), 1.0, 2000);
        // the first waiting run starts now in the free place (0-10), the second when it ends (10-20)
        double end = QueueForecast.secondsUntilEmpty(List.of(30.0), List.of(run(300, 10), run(300, 10)), ref, 2);
        assertEquals(30, end, 1e-9);
        end = QueueForecast.secondsUntilEmpty(List.of(5.0), List.of(run(300, 10), run(300, 10), run(300, 10)), ref, 2);
        assertEquals(20, end, 1e-9); // waiting runs at 0-10, 5-15 and 10-20
    }

    @Test
    void aLargerTrainingSetScalesTheEpochByItsImages() {
        var ref = new QueueForecast.Reference(run(1000, 1), 2.0, 2000);
        // (3 * 4000 + 2000) / (3 * 1000 + 2000) = 2.8 times the reference epoch
        assertEquals(2.0 * 2.8 * 3, QueueForecast.secondsUntilEmpty(List.of(), List.of(run(4000, 3)), ref, 1), 1e-9);
    }

    @Test
    void unknownUntilSomeRunWasTimed() {
        assertTrue(Double.isNaN(QueueForecast.secondsUntilEmpty(List.of(Double.NaN), List.of(), null, 1)));
        assertTrue(Double.isNaN(QueueForecast.secondsUntilEmpty(List.of(3.0), List.of(run(300, 5)), null, 1)));
        assertEquals(3.0, QueueForecast.secondsUntilEmpty(List.of(3.0), List.of(), null, 1), 1e-9);
    }
}
