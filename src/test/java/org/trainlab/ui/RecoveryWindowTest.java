package org.trainlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trainlab.TemporaryProperty;
import org.trainlab.app.Workbench;
import org.trainlab.data.AppDirs;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.record.RunState;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.session.SessionStore;
import org.trainlab.ui.runs.RunRow;

/**
 * The start after a crash: an autosave left without its clean marker (as after {@code kill -9} in the
 * middle of training; the command line's AutosaveKillTest makes a real one) is offered back, and
 * restoring it shows every finished epoch.
 */
@ExtendWith(ApplicationExtension.class)
class RecoveryWindowTest {

    private static TemporaryProperty dataFolder;
    private Workbench workbench;

    @BeforeAll
    static void crashedSession() throws Exception {
        Path data = Files.createTempDirectory("trainlab-recovery-test");
        dataFolder = TemporaryProperty.set(AppDirs.DATA_PROPERTY, data.toString());
        var base = Defaults.settings().withName("Baseline");
        SessionRun done = SessionRun.queued("a", 0, base).withEpoch(epoch(1)).withEpoch(epoch(2))
                .withState(RunState.COMPLETED, null);
        SessionRun training = SessionRun.derivedFrom(done, base.withName("Dropout")
                        .withModel(new ModelSettings(base.model().kind(), false, 0.2)), "b", 1)
                .withEpoch(epoch(1)).withEpoch(epoch(2)).withEpoch(epoch(3)).withState(RunState.RUNNING, null);
        SessionStore.autosave().save(Session.empty().withRun(done).withRun(training)
                .withSelected(List.of("a", "b")).withActiveRunId("b"));
    }

    @AfterAll
    static void restoreDataFolder() {
        dataFolder.close();
    }

    @Start
    void start(Stage stage) {
        workbench = Workbench.open(stage, Locale.ENGLISH);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(workbench::close);
    }

    @Test
    void theNextStartOffersEveryFinishedEpochBack(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Restore").tryQuery().isPresent());
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.control.Label l
                && l.getText() != null && l.getText().contains("2 runs with 5 finished epochs")).tryQuery().isPresent());
        robot.clickOn("Restore");
        WaitForAsyncUtils.waitForFxEvents();

        var runs = workbench.viewModel().runs();
        assertEquals(2, runs.rows().size());
        RunRow interrupted = runs.rows().get(1);
        assertEquals(RunRow.Phase.STOPPED, interrupted.phaseProperty().get());
        assertTrue(interrupted.noteProperty().get().english().contains("restored 3 finished epochs"));
        assertEquals(3, workbench.viewModel().charts().accuracy().getSeries(3).getItemCount(), "every finished epoch");
        assertEquals(2, workbench.viewModel().charts().accuracy().getSeries(1).getItemCount());
    }

    private static EpochMetrics epoch(int n) {
        return new EpochMetrics(n, 4L * n, 1.0 / n, 0.6 + n / 10.0, 1.1 / n, 0.55 + n / 20.0, 1e-3, 1e-3, 10, 100, 2.0 * n);
    }
}
