package org.trainlab.ui.runs.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.runs.FakeTrainer;
import org.trainlab.ui.runs.RunRow;
import org.trainlab.ui.runs.TestPresets;
import org.trainlab.ui.settings.FakeDatasets;
import org.trainlab.ui.tasks.BackgroundTasks;
import org.trainlab.ui.tasks.SameThreadTasks;
import org.trainlab.ui.workspace.Workspace;

/**
 * A preset's click in steps a frame apart, as the window runs it: what each step shows, and steps that
 * find their runs gone. The test is the window's frames: it runs each step when it says.
 */
class PresetStepsTest {

    /** File work at once; steps held until the test runs them. */
    private static final class Frames implements BackgroundTasks {
        final Deque<Runnable> steps = new ArrayDeque<>();

        @Override
        public <T> void run(Work<T> work, Consumer<? super T> onDone, Consumer<? super Exception> onFailed) {
            new SameThreadTasks().run(work, onDone, onFailed);
        }

        @Override
        public void afterFrame(Runnable step) {
            steps.add(step);
        }

        void next() {
            steps.poll().run();
        }

        void all() {
            while (!steps.isEmpty()) {
                next();
            }
        }
    }

    private final Frames frames = new Frames();
    private final LiveSession live = new LiveSession(Session.empty());
    private final FakeTrainer trainer = new FakeTrainer();
    private final Workspace vm = new Workspace(live, FakeDatasets.viewModel(new FakeDatasets()), new ChartsModel(),
            trainer, new MetricDrain(), () -> { }, frames, () -> 0L, new SimpleObjectProperty<>(Locale.ENGLISH));

    @Test
    void theRowsComeAtOnceThenTheChartsThenThePanelThenTheTraining() {
        vm.presets().queuePreset(TestPresets.numbered(3));
        List<String> ids = vm.runs().rows().stream().map(RunRow::id).toList();
        assertEquals(3, ids.size(), "the rows at once");
        assertTrue(live.snapshot().selected().isEmpty(), "not yet on the charts");
        assertTrue(trainer.names().isEmpty());

        frames.next();
        assertEquals(ids, live.snapshot().selected(), "then on the charts, only they");
        assertNull(vm.runs().activeRunIdProperty().get());

        frames.next();
        assertEquals(ids.get(0), vm.runs().activeRunIdProperty().get(), "then the first in the panel");
        assertEquals("Run 1", vm.runs().settings().settingsProperty().get().name());
        assertTrue(trainer.names().isEmpty());

        frames.next();
        assertEquals(List.of("Run 1"), trainer.names(), "then the first trains, the others wait");
        assertEquals(2, vm.queue().waitingCountProperty().get());
        assertTrue(frames.steps.isEmpty());
    }

    @Test
    void stepsThatFindTheirRunsGoneDoNothing() {
        vm.presets().queuePreset(TestPresets.numbered(3));
        vm.runs().load(Session.empty()); // another session opened before the next frame
        vm.runs().activateLoaded();
        frames.all();

        assertTrue(live.snapshot().runs().isEmpty());
        assertTrue(live.snapshot().selected().isEmpty());
        assertNull(vm.runs().activeRunIdProperty().get());
        assertTrue(trainer.names().isEmpty(), "nothing trains");
        assertFalse(vm.queue().busy(), "and nothing waits");
    }

    @Test
    void twoClicksBeforeTheFirstFrameQueueBothInTheirOrder() {
        vm.presets().queuePreset(TestPresets.numbered(2));
        vm.presets().queuePreset(TestPresets.numbered(2));
        assertEquals(4, vm.runs().rows().size());
        frames.all();

        List<String> ids = vm.runs().rows().stream().map(RunRow::id).toList();
        assertEquals(ids.subList(2, 4), live.snapshot().selected(), "the second click's runs shown, as it asked");
        assertEquals(ids.get(2), vm.runs().activeRunIdProperty().get());
        assertEquals(List.of("Run 1"), trainer.names(), "the first click's first run trains");
        assertEquals(3, vm.queue().waitingCountProperty().get());
    }
}
