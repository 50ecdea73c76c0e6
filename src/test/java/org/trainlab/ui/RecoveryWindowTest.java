package org.trainlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainlab.ui.WindowFixture.epoch;

import java.util.List;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.trainlab.app.Workbench;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.record.RunState;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.runs.RunRow;

/**
 * The start after a crash: an autosave left without its clean marker (as after {@code kill -9} in the
 * middle of training; the command line's AutosaveKillTest makes a real one) is offered back, and
 * restoring it shows every finished epoch.
 */
@ExtendWith(ApplicationExtension.class)
class RecoveryWindowTest {

    private static WindowFixture window;
    private Workbench workbench;

    @BeforeAll
    static void crashedSession() throws Exception {
        var base = Defaults.settings().withName("Baseline");
        SessionRun done = SessionRun.queued("a", 0, base).withEpoch(epoch(1)).withEpoch(epoch(2))
                .withState(RunState.COMPLETED, null);
        SessionRun training = SessionRun.derivedFrom(done, base.withName("Dropout")
                        .withModel(new ModelSettings(base.model().kind(), false, 0.2)), "b", 1)
                .withEpoch(epoch(1)).withEpoch(epoch(2)).withEpoch(epoch(3)).withState(RunState.RUNNING, null);
        window = WindowFixture.ownDataFolder("trainlab-recovery-test").crashedWith(Session.empty()
                .withRun(done).withRun(training).withSelected(List.of("a", "b")).withActiveRunId("b"));
    }

    @AfterAll
    static void restoreDataFolder() {
        window.restoreDataFolder();
    }

    @Start
    void start(Stage stage) {
        workbench = window.open(stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        window.close(robot);
    }

    @Test
    void theNextStartOffersEveryFinishedEpochBack(FxRobot robot) throws Exception {
        WindowFixture.awaitRestoreOffer(robot);
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.control.Label l
                && l.getText() != null && l.getText().contains("2 runs with 5 finished epochs")).tryQuery().isPresent());
        WindowFixture.restore(robot);

        var runs = workbench.viewModel().runs();
        assertEquals(2, runs.rows().size());
        RunRow interrupted = runs.rows().get(1);
        assertEquals(RunRow.Phase.STOPPED, interrupted.phaseProperty().get());
        assertTrue(interrupted.noteProperty().get().english().contains("restored 3 finished epochs"));
        assertEquals(3, workbench.viewModel().charts().accuracy().getSeries(3).getItemCount(), "every finished epoch");
        assertEquals(2, workbench.viewModel().charts().accuracy().getSeries(1).getItemCount());
    }
}
