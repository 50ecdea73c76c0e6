package org.trainlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import org.trainlab.experiment.record.RunState;
import org.trainlab.ui.charts.ChartsModel;

/**
 * The real window, headless through Monocle: settings typed into it, a short run on 200 digits
 * streaming into the charts, pause and stop, a wrong value disabling Start with its reason.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {

    private static WindowFixture window;
    private Workbench workbench;

    /** The autosave and the user's presets go to a folder of this test's own, with a tiny preset of two runs. */
    @BeforeAll
    static void ownDataFolder() throws java.io.IOException {
        window = WindowFixture.ownDataFolder("trainlab-window-test");
        java.nio.file.Path presets = java.nio.file.Files.createDirectories(window.data().resolve("presets"));
        java.nio.file.Files.writeString(presets.resolve("tiny.json"), """
                {"format": "trainlab-preset/1",
                 "name": {"en": "Tiny comparison", "ko": "작은 비교"},
                 "description": {"en": "Two runs on 200 digits.", "ko": "숫자 200개로 두 번."},
                 "base": {"data": {"source": "BUNDLED_DIGITS", "trainSize": 200},
                          "training": {"epochs": 1, "batchSize": 50, "seed": 3}},
                 "runs": [{"name": {"en": "Plain"}, "settings": {}},
                          {"name": {"en": "With dropout"}, "settings": {"model": {"dropoutRate": 0.2}}}]}
                """);
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
    void aWrongValueDisablesStartAndSaysWhy(FxRobot robot) {
        Button start = robot.lookup("#run-start").queryButton();
        waitUntil(() -> !start.isDisabled(), 20);

        type(robot, "#field-optimizer-learningRate", "abc");

        assertTrue(start.isDisabled());
        Label reason = robot.lookup("#run-start-reason").queryAs(Label.class);
        assertTrue(reason.isVisible());
        assertTrue(reason.getText().contains("Learning rate: \"abc\" is not a number"), reason.getText());
        Label atField = robot.lookup("#field-optimizer-learningRate-problem").queryAs(Label.class);
        assertTrue(atField.isVisible() && atField.getText().contains("not a number"), atField.getText());

        type(robot, "#field-optimizer-learningRate", "0.002");
        assertFalse(start.isDisabled());
        assertFalse(reason.isVisible());
    }

    @Test
    void aShortRunStreamsItsCurvesAndCanBePausedAndStopped(FxRobot robot) {
        ChartsModel charts = workbench.viewModel().charts();
        type(robot, "#field-data-trainSize", "200");
        type(robot, "#field-training-batchSize", "50");
        type(robot, "#field-training-epochs", "2");
        Button start = robot.lookup("#run-start").queryButton();
        waitUntil(() -> !start.isDisabled(), 20);

        robot.push(KeyCode.F5);
        waitUntil(() -> workbench.viewModel().runs().stateProperty().get() == RunState.COMPLETED, 60);
        assertEquals(8, charts.batchLoss().getSeries(0).getItemCount(), "2 epochs of 4 batches");
        assertEquals(2, charts.accuracy().getSeries(1).getItemCount(), "held-out accuracy per epoch");
        assertEquals(2, charts.epochLoss().getSeries(0).getItemCount());
        assertTrue(charts.learningRate().getSeries(0).getItemCount() > 0, "the learning rate used");
        Label status = robot.lookup("#status-line").queryAs(Label.class);
        // the status line follows the run state at the next drain of the metric queue
        waitUntil(() -> status.getText().startsWith("Finished 2 epochs"), 5);

        // a long run, to pause and stop: a new run linked to the first, which the list says
        type(robot, "#field-training-epochs", "200");
        robot.clickOn("#run-start");
        waitUntil(() -> workbench.viewModel().runs().stateProperty().get() == RunState.RUNNING
                && workbench.viewModel().runs().batchProperty().get() > 0, 30);
        assertEquals(2, workbench.viewModel().runs().rows().size());
        assertEquals("epochs: 2 → 200", workbench.viewModel().runs().rows().get(1).differenceProperty().get());
        // the window keeps answering while training: a slider moves at once
        Slider decay = robot.lookup("#decay-slider").queryAs(Slider.class);
        long before = System.nanoTime();
        robot.interact(() -> decay.setValue(3));
        assertTrue(System.nanoTime() - before < 1_000_000_000L, "the FX thread answered within a second");
        assertEquals(1e-4, workbench.viewModel().settings().settingsProperty().get().regularization().strength(), 1e-12);
        robot.push(KeyCode.F6);
        waitUntil(() -> workbench.viewModel().runs().stateProperty().get() == RunState.PAUSED, 10);
        Button pause = robot.lookup("#run-pause").queryButton();
        assertEquals("Resume", pause.getText());
        int pausedAt = charts.batchLoss().getSeries(1).getItemCount();
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        assertEquals(pausedAt, charts.batchLoss().getSeries(1).getItemCount(), "no batches while paused");

        robot.clickOn("#run-pause");
        waitUntil(() -> workbench.viewModel().runs().stateProperty().get() == RunState.RUNNING, 10);
        robot.clickOn("#run-stop");
        waitUntil(() -> workbench.viewModel().runs().stateProperty().get() == RunState.STOPPED, 10);
        waitUntil(() -> status.getText().startsWith("Stopped"), 5);
        assertFalse(start.isDisabled());
    }

    @Test
    void oneClickOnAPresetQueuesItsRunsAndOverlaysThemWithTheirDifference(FxRobot robot) {
        var runs = workbench.viewModel().runs();
        waitUntil(() -> robot.lookup("#preset-button-tiny").tryQuery().isPresent(), 20);
        robot.clickOn("#preset-button-tiny");

        assertEquals(2, runs.rows().size(), "both runs in the list at once");
        waitUntil(() -> runs.rows().stream().allMatch(r -> r.phaseProperty().get() == org.trainlab.ui.runs.RunRow.Phase.COMPLETED), 90);
        ChartsModel charts = workbench.viewModel().charts();
        assertEquals(4, charts.accuracy().getSeriesCount(), "train and held-out of each run on one chart");
        assertEquals(1, charts.accuracy().getSeries(3).getItemCount());
        assertEquals(2, charts.accuracyGap().getSeriesCount(), "the gap of the first run is shaded");
        javafx.scene.layout.FlowPane legend = robot.lookup("#chart-legend").queryAs(javafx.scene.layout.FlowPane.class);
        java.util.List<String> texts = robot.lookup("#chart-legend .legend-text").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertTrue(legend.isVisible());
        assertEquals(java.util.List.of("Plain", "With dropout — dropout: off → 0.2"), texts, "the legend names the difference");
        assertTrue(robot.lookup("vs “Plain”: dropout: off → 0.2").tryQuery().isPresent(), "and so does the list");
    }

    @Test
    void switchingToKoreanKeepsEverySetting(FxRobot robot) {
        type(robot, "#field-training-batchSize", "32");
        robot.clickOn("Language").clickOn("한국어");
        waitUntil(() -> robot.lookup("#run-start").tryQueryAs(Button.class)
                .map(b -> b.getText().equals("시작")).orElse(false), 10);
        assertEquals("32", robot.lookup("#field-training-batchSize").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("손실").tryQuery().isPresent(), "chart titles in Korean");
        assertEquals(32, workbench.viewModel().settings().settingsProperty().get().training().batchSize());
    }

    /** Replaces a field's text by typing, as a user would. */
    private static void type(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, field.getText());
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within " + seconds + " s", e);
        }
    }
}
