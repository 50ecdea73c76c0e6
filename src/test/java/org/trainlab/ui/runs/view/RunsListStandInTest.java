package org.trainlab.ui.runs.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.WindowFixture;

/**
 * While the window is new, the runs list lays out a few stand-in rows and puts its own (none) back: it
 * still shows its empty state, and the first runs that come are shown in the rows' cells made then.
 */
@ExtendWith(ApplicationExtension.class)
class RunsListStandInTest {

    private static WindowFixture window;
    private Workbench workbench;

    @BeforeAll
    static void ownData() throws Exception {
        window = WindowFixture.ownDataFolder("trainlab-stand-in-test");
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
    void theFirstRunsAreShownInRowsMadeWhileTheWindowWasNew(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#runs-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows(table).size() >= 5);
        WaitForAsyncUtils.waitForFxEvents();
        Set<Node> madeEarly = identitySet(rows(table));
        assertTrue(table.getItems().isEmpty(), "the list shows its own rows again: none");
        assertTrue(robot.lookup(".runs-placeholder").query().isVisible(), "and says so, with the presets to click");
        assertTrue(rows(table).stream().noneMatch(r -> r.isVisible() && ((TableRow<?>) r).getItem() != null),
                "no stand-in stays in sight");
        for (int i = 0; i < 5; i++) {
            assertTrue(robot.lookup("Run " + i).tryQuery().isEmpty(), "nor in the window's nodes, for a lookup to find: Run " + i);
        }
        assertTrue(robot.lookup(".status-cell").queryAll().stream().noneMatch(Node::isVisible),
                "the empty rows' cells keep their graphics, hidden");

        robot.interact(() -> workbench.viewModel().workspace().runs().change(s -> {
            for (int i = 0; i < 3; i++) {
                s = s.withRun(SessionRun.queued("r" + i, i, Defaults.settings().withName("Run " + i)));
            }
            return s;
        }));
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> showing = rows(table).stream().filter(r -> ((TableRow<?>) r).getItem() != null).toList();
        assertEquals(3, showing.size());
        for (int i = 0; i < 3; i++) {
            assertTrue(robot.lookup("Run " + i).tryQuery().filter(Node::isVisible).isPresent(), "Run " + i + " shows its name");
        }
        assertEquals(3, robot.lookup(".status-cell").queryAll().stream().filter(Node::isVisible).count(),
                "and its status, in the graphic hidden while its row was empty");
        assertTrue(showing.stream().allMatch(madeEarly::contains), "each run is shown in a row made before it came");
    }

    private static List<Node> rows(TableView<?> table) {
        return List.copyOf(table.lookupAll(".table-row-cell"));
    }

    private static Set<Node> identitySet(List<Node> nodes) {
        Set<Node> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(nodes);
        return set;
    }
}
