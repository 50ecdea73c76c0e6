package org.trainlab.ui.inside;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainlab.ui.inside.InsideSamples.epoch;
import static org.trainlab.ui.inside.InsideSamples.matrix;
import static org.trainlab.ui.inside.InsideSamples.mistake;

import java.util.List;

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
import org.trainlab.app.Workbench;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.WindowFixture;

/**
 * A session autosaved with a finished run's inside figures comes back after a crash: the Inside tab
 * shows that run's confusion matrix, its mistakes and its difference from the run it came from, and
 * nothing trains to get them.
 */
@ExtendWith(ApplicationExtension.class)
class InsideRestoreTest {

    private static WindowFixture window;
    private static final InsideEpoch PLAIN = epoch(2, matrix(80, 4, 9, 7), List.of(mistake(3, 4, 9, 0.9)));
    private static final InsideEpoch DROPOUT = epoch(2, matrix(81, 4, 9, 2, 3, 5, 1), List.of(mistake(5, 3, 5, 0.7)));
    private Workbench workbench;

    @BeforeAll
    static void crashedSession() throws Exception {
        var base = Defaults.settings().withName("Plain");
        SessionRun plain = SessionRun.queued("a", 0, base).withEpoch(WindowFixture.epoch(1)).withInside(epoch(1, matrix(70), List.of()))
                .withEpoch(WindowFixture.epoch(2)).withInside(PLAIN).withState(RunState.COMPLETED, null);
        SessionRun dropout = SessionRun.derivedFrom(plain, base.withName("Dropout"), "b", 1)
                .withEpoch(WindowFixture.epoch(1)).withInside(epoch(1, matrix(71), List.of()))
                .withEpoch(WindowFixture.epoch(2)).withInside(DROPOUT).withState(RunState.COMPLETED, null);
        window = WindowFixture.ownDataFolder("trainlab-inside-restore-test").crashedWith(Session.empty()
                .withRun(plain).withRun(dropout).withSelected(List.of("a", "b")).withActiveRunId("b"));
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
    void theInsideOfARestoredFinishedRunShowsWithoutTraining(FxRobot robot) throws Exception {
        WindowFixture.restore(robot);
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
}
