package org.trainlab.ui.runs.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.trainlab.ui.tasks.SameThreadTasks;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.runs.FakeTrainer;
import org.trainlab.ui.runs.RunRow;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.runs.Status;
import org.trainlab.ui.settings.FakeDatasets;

/** The queue on its own: the runs model and the stand-in trainer, no replay, files or exports. */
class RunQueueTest {

    private final LiveSession live = new LiveSession(Session.empty());
    private final MetricDrain drain = new MetricDrain();
    private final FakeTrainer trainer = new FakeTrainer();
    private final AtomicInteger saves = new AtomicInteger();
    private final RunsViewModel runs = new RunsViewModel(live, FakeDatasets.viewModel(new FakeDatasets()),
            new ChartsModel(), saves::incrementAndGet, new SimpleObjectProperty<>(Locale.ENGLISH));
    private final RunQueue queue = new RunQueue(runs, trainer, drain, saves::incrementAndGet, new SameThreadTasks());

    @Test
    void settingsStartedAsRunsWaitTheirTurnAndTheNextStartsWhenOneEnds() {
        String first = queue.startAsRun(Defaults.settings().withName("First"));
        String second = queue.startAsRun(Defaults.settings().withName("Second"));

        assertEquals(List.of("First"), trainer.names(), "one at a time");
        assertEquals(first, live.snapshot().run(second).orElseThrow().parentId(), "linked to the run active then");
        assertEquals(RunRow.Phase.WAITING, runs.rows().get(1).phaseProperty().get());
        assertEquals(new Status("queue.busy", List.of(1, 1)), queue.queueSummaryProperty().get());
        assertTrue(queue.busy());
        assertTrue(saves.get() > 0, "every change asks for an autosave");

        trainer.last().finish(RunState.COMPLETED);
        drain.drain();
        assertEquals(List.of("First", "Second"), trainer.names());
        assertEquals(RunRow.Phase.COMPLETED, runs.rows().get(0).phaseProperty().get());
        assertEquals(1, queue.inProgressProperty().get());
        assertEquals(0, queue.waitingCountProperty().get());
    }

    @Test
    void clearingLetsGoOfEveryRunAndDropsTheirLaterEvents() {
        queue.startAsRun(Defaults.settings().withName("First"));
        queue.startAsRun(Defaults.settings().withName("Second"));
        FakeTrainer.Submission training = trainer.last();

        queue.clear();
        assertEquals(List.of("stop"), training.calls);
        assertFalse(queue.busy());
        training.finish(RunState.COMPLETED); // the training thread, after the session was closed
        drain.drain();
        assertEquals(List.of("First"), trainer.names(), "nothing more is handed to the trainer");
        SessionRun run = live.snapshot().runs().get(0);
        assertTrue(run.epochs().isEmpty());
        assertEquals(RunState.QUEUED, run.state(), "the closed gate kept the late events out of the session");
    }
}
