package org.trainlab.ui.inside;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainlab.ui.inside.InsideSamples.epoch;
import static org.trainlab.ui.inside.InsideSamples.matrix;
import static org.trainlab.ui.inside.InsideSamples.mistake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
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
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.session.SessionStore;

/**
 * A session autosaved with a finished run's inside figures comes back after a crash: the Inside tab
 * shows that run's confusion matrix, its mistakes and its difference from the run it came from, and
 * nothing trains to get them.
 */
@ExtendWith(ApplicationExtension.class)
class InsideRestoreTest {

    private static TemporaryProperty dataFolder;
    private static final InsideEpoch PLAIN = epoch(2, matrix(80, 4, 9, 7), List.of(mistake(3, 4, 9, 0.9)));
    private static final InsideEpoch DROPOUT = epoch(2, matrix(81, 4, 9, 2, 3, 5, 1), List.of(mistake(5, 3, 5, 0.7)));
    private Workbench workbench;

    @BeforeAll
    static void crashedSession() throws Exception {
        Path data = Files.createTempDirectory("trainlab-inside-restore-test");
        dataFolder = TemporaryProperty.set(AppDirs.DATA_PROPERTY, data.toString());
        var base = Defaults.settings().withName("Plain");
        SessionRun plain = SessionRun.queued("a", 0, base).withEpoch(metrics(1)).withInside(epoch(1, matrix(70), List.of()))
                .withEpoch(metrics(2)).withInside(PLAIN).withState(RunState.COMPLETED, null);
        SessionRun dropout = SessionRun.derivedFrom(plain, base.withName("Dropout"), "b", 1)
                .withEpoch(metrics(1)).withInside(epoch(1, matrix(71), List.of()))
                .withEpoch(metrics(2)).withInside(DROPOUT).withState(RunState.COMPLETED, null);
        SessionStore.autosave().save(Session.empty().withRun(plain).withRun(dropout)
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
    void theInsideOfARestoredFinishedRunShowsWithoutTraining(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Restore").tryQuery().isPresent());
        robot.clickOn("Restore");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#tab-inside");
        WaitForAsyncUtils.waitForFxEvents();

        InsideViewModel inside = workbench.viewModel().inside();
        List<InsideViewModel.Shown> shown = inside.shownProperty().get();
        assertEquals(List.of("b", "a"), shown.stream().map(InsideViewModel.Shown::id).toList(),
                "the active run, and the run it came from");
        assertNotNull(shown.get(0).epoch());
        assertArrayEquals(DROPOUT.confusion().counts(), shown.get(0).epoch().confusion().counts());
        assertArrayEquals(PLAIN.confusion().counts(), shown.get(1).epoch().confusion().counts());
        assertEquals(2, inside.epochsProperty().get());
        Label difference = robot.lookup("#inside-difference").queryAs(Label.class);
        assertEquals("“Dropout” fixed 5 confusions (4→9 ×5) and broke 1 (3→5 ×1).", difference.getText());

        robot.clickOn("#inside-tab-wrong");
        assertEquals(List.of(5), inside.worstFirst(shown.get(0)).stream().map(m -> m.heldOutIndex()).toList());
        assertEquals(0, workbench.viewModel().workspace().queue().inProgressProperty().get(), "nothing trains");
        assertTrue(workbench.viewModel().runs().rows().stream()
                .allMatch(r -> r.phaseProperty().get() == org.trainlab.ui.runs.RunRow.Phase.COMPLETED));
    }

    private static EpochMetrics metrics(int n) {
        return new EpochMetrics(n, 4L * n, 1.0 / n, 0.6 + n / 10.0, 1.1 / n, 0.55 + n / 20.0, 1e-3, 1e-3, 10, 100, 2.0 * n);
    }
}
