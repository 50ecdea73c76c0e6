package org.trainlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trainlab.ui.WindowFixture.epoch;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
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
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.text.StateNote;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;

/**
 * The window says why a run ended in its own language: a run the user stopped, kept in a session as the
 * engine's key and arguments, reads in English in the English window and in Korean once the window
 * switches to Korean (the status cell's tooltip).
 */
@ExtendWith(ApplicationExtension.class)
class StateNoteTooltipTest {

    private static WindowFixture window;

    @BeforeAll
    static void stoppedRun() throws Exception {
        SessionRun stopped = SessionRun.queued("a", 0, Defaults.settings().withName("Stopped"))
                .withEpoch(epoch(1)).withEpoch(epoch(2))
                .withState(RunState.STOPPED, StateNote.of("run.note.stoppedByUser", 3, 7));
        window = WindowFixture.ownDataFolder("trainlab-note-test")
                .crashedWith(Session.empty().withRun(stopped).withSelected(List.of("a")).withActiveRunId("a"));
    }

    @AfterAll
    static void restoreDataFolder() {
        window.restoreDataFolder();
    }

    @Start
    void start(Stage stage) {
        window.open(stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        window.close(robot);
    }

    @Test
    void aRunStoppedByTheUserSaysWhyInTheWindowsLanguage(FxRobot robot) throws Exception {
        WindowFixture.restore(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> statusTip(robot).isPresent());
        assertEquals("stopped by the user in epoch 3, batch 7", lastLine(statusTip(robot).orElseThrow()));

        robot.clickOn("Language").clickOn("한국어");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#run-start").tryQueryAs(Button.class)
                .map(b -> b.getText().equals("시작")).orElse(false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> statusTip(robot).isPresent());
        assertEquals("사용자가 에폭 3, 배치 7에서 중지했습니다", lastLine(statusTip(robot).orElseThrow()));
    }

    /** The tooltip of the runs list's status cell once the row shows, as the pointer over it finds it. */
    private static Optional<String> statusTip(FxRobot robot) {
        Optional<TableCell<?, ?>> status = robot.lookup(".status-cell").queryAll().stream()
                .map(StateNoteTooltipTest::cell)
                .filter(c -> c != null && c.getItem() != null)
                .findFirst();
        if (status.isEmpty()) {
            return Optional.empty();
        }
        robot.moveTo(status.get());
        return Optional.ofNullable(status.get().getTooltip()).map(Tooltip::getText);
    }

    private static TableCell<?, ?> cell(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TableCell<?, ?> c) {
                return c;
            }
        }
        return null;
    }

    /** The status cell's tooltip is its status, then why the run ended. */
    private static String lastLine(String tip) {
        return tip.substring(tip.lastIndexOf('\n') + 1);
    }
}
