package org.trainlab.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.Messages;
import org.trainlab.experiment.text.StateNote;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.settings.FakeDatasets;
import org.trainlab.ui.tasks.SameThreadTasks;
import org.trainlab.ui.workspace.Workspace;

/**
 * Why a run ended reaches the window's model as the engine's key and arguments, and the window says it in its
 * own language: the same run stopped by the user reads in Korean in a Korean window and in English in an English one.
 */
class StateNoteWindowTest {

    /** A window's model over its own session, with a stand-in trainer whose callbacks the test makes. */
    private record Window(Workspace vm, FakeTrainer trainer, MetricDrain drain, LiveSession live) {

        static Window in(Locale locale) {
            MetricDrain drain = new MetricDrain();
            FakeTrainer trainer = new FakeTrainer();
            LiveSession live = new LiveSession(Session.empty());
            return new Window(new Workspace(live, FakeDatasets.viewModel(new FakeDatasets()), new ChartsModel(), trainer,
                    drain, () -> { }, new SameThreadTasks(), new AtomicLong()::get, new SimpleObjectProperty<>(locale)),
                    trainer, drain, live);
        }

        /** Starts one run and lets the trainer end it with {@code state} and {@code why}; returns its id. */
        String end(RunState state, StateNote why) {
            vm.queue().start();
            FakeTrainer.Submission s = trainer.last();
            String id = vm.runs().activeRunIdProperty().get();
            s.listener.onStateChanged(RunState.RUNNING, null);
            s.listener.onStateChanged(state, why);
            drain.drain();
            return id;
        }

        /** A note as the window's views say it: in the model's language. */
        String say(StateNote note) {
            return note.in(Messages.of(vm.runs().locale()));
        }
    }

    @Test
    void aRunStoppedByTheUserSaysWhyInTheWindowsLanguage() {
        StateNote byUser = StateNote.of("run.note.stoppedByUser", 2, 7);
        for (Locale locale : Messages.SUPPORTED) {
            Window window = Window.in(locale);
            Workspace vm = window.vm();
            String id = window.end(RunState.STOPPED, byUser);
            RunRow row = vm.runs().rows().get(0);
            assertEquals(RunRow.Phase.STOPPED, row.phaseProperty().get());
            assertEquals(byUser, row.noteProperty().get(), "the engine's note, not a sentence");
            assertEquals(byUser, vm.runs().tracker(id).note());
            assertEquals(byUser, window.live().snapshot().run(id).orElseThrow().message(), "and so the session file keeps it");
            String expected = locale.equals(Messages.KOREAN) ? "사용자가 에폭 2, 배치 7에서 중지했습니다"
                    : "stopped by the user in epoch 2, batch 7";
            assertEquals(expected, window.say(row.noteProperty().get()));
        }
    }

    @Test
    void aFailedRunsStatusSaysTheReasonInTheWindowsLanguage() {
        Window window = Window.in(Messages.KOREAN);
        window.end(RunState.FAILED, StateNote.of("run.note.outOfMemory"));
        Status status = window.vm().runs().statusProperty().get();
        assertEquals("status.failed", status.key());
        String shown = Messages.of(window.vm().runs().locale()).format(status.key(), status.args().toArray());
        assertEquals("실행하지 못했습니다: 메모리가 부족합니다: 배치 크기를 줄이거나 동시에 돌리는 실행 수를 줄여 보세요", shown);
    }
}
