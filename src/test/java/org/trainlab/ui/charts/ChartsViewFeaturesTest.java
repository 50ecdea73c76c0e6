package org.trainlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Stage;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.session.LiveSession;
import org.trainlab.session.LossCurve;
import org.trainlab.session.Session;
import org.trainlab.session.SessionJson;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.MainViewModel;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.tasks.SameThreadTasks;
import org.trainlab.ui.workspace.Workspace;
import org.trainlab.ui.settings.FakeDatasets;
import org.trainlab.ui.settings.SettingsViewModel;
import org.trainlab.ui.theme.Fonts;

/** The charts' controls in the Korean window: context menu, log axis, legend toggles, colours kept in the session. */
@ExtendWith(ApplicationExtension.class)
class ChartsViewFeaturesTest {

    private final Messages korean = Messages.of(Locale.KOREAN);
    private final MetricDrain drain = new MetricDrain();
    private MainViewModel vm;
    private ChartsView view;

    @Start
    void start(Stage stage) {
        Fonts.load();
        SettingsViewModel settings = FakeDatasets.viewModel(new FakeDatasets());
        vm = new MainViewModel(settings, drain, Locale.KOREAN, (charts, locale) -> new Workspace(
                new LiveSession(Session.empty()), settings, charts, (s, l) -> {
                    throw new IllegalStateException("nothing trains in this test");
                }, drain, () -> { }, new SameThreadTasks(), System::nanoTime, locale));
        vm.workspace().files().restore(twoRuns());
        view = new ChartsView(vm.charts(), korean, vm.zoomProperty());
        Scene scene = new Scene(new javafx.scene.layout.StackPane(view.node()), 1100, 700);
        scene.getStylesheets().add(getClass().getResource("/org/trainlab/ui/trainlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theChartsOwnContextMenuSpeaksKorean(FxRobot robot) {
        ChartViewer viewer = robot.lookup("#chart-loss").queryAs(ChartViewer.class);
        List<MenuItem> items = viewer.getContextMenu().getItems();
        List<String> keys = List.of("chart.menu.zoomIn", "chart.menu.zoomOut", "chart.menu.zoomReset", "",
                "chart.export.png", "chart.export.svg");
        assertEquals(keys.size(), items.size());
        for (int i = 0; i < items.size(); i++) {
            if (keys.get(i).isEmpty()) {
                assertInstanceOf(SeparatorMenuItem.class, items.get(i));
                continue;
            }
            String text = items.get(i).getText();
            assertEquals(korean.get(keys.get(i)), text);
            assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL),
                    text + " is Korean");
        }
        XYPlot plot = viewer.getChart().getXYPlot();
        assertEquals(5, plot.getDomainAxis().getUpperBound(), "five epochs: the longest run's plan");
        robot.interact(() -> items.get(0).fire());
        assertEquals(2.5, plot.getDomainAxis().getUpperBound() - plot.getDomainAxis().getLowerBound(), 1e-9,
                "zoomed in twice");
        robot.interact(() -> items.get(2).fire());
        assertEquals(0, plot.getDomainAxis().getLowerBound());
        assertEquals(5, plot.getDomainAxis().getUpperBound(), "the whole run again");
    }

    @Test
    void theLossAxisTurnsLogarithmicAndBack(FxRobot robot) {
        XYPlot plot = view.charts().get("loss").getXYPlot();
        assertInstanceOf(NumberAxis.class, plot.getRangeAxis());
        robot.clickOn("#chart-log-loss");
        assertTrue(vm.charts().options().logLossProperty().get());
        LogAxis log = assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        assertTrue(log.getLowerBound() > 0 && log.getLowerBound() < 2.0 / 12, "room for the lowest batch loss");
        assertEquals(korean.get("chart.loss.axis"), log.getLabel());
        robot.clickOn("#chart-log-loss");
        NumberAxis linear = assertInstanceOf(NumberAxis.class, plot.getRangeAxis());
        assertEquals(0, linear.getLowerBound());
    }

    @Test
    void aLegendEntrysTooltipSaysTheRunAndHowToHideItOnceThePointerIsOverIt(FxRobot robot) {
        Label text = robot.lookup("#legend-b .legend-text").queryAs(Label.class);
        robot.moveTo(text);
        assertNotNull(text.getTooltip(), "made as the pointer comes over the entry");
        String tip = text.getTooltip().getText();
        assertTrue(tip.endsWith(korean.get("chart.legend.hint")), tip);
        assertTrue(tip.startsWith(vm.charts().overlaysProperty().get().stream().filter(o -> o.runId().equals("b")).findFirst()
                .orElseThrow().detail()), tip);
    }

    @Test
    void clickingALegendEntryHidesAndShowsTheRun(FxRobot robot) {
        XYPlot accuracy = view.charts().get("accuracy").getXYPlot();
        assertTrue(accuracy.getRenderer(1).isSeriesVisible(2));
        robot.clickOn("#legend-b");
        assertTrue(vm.charts().options().isHidden("b"));
        assertFalse(accuracy.getRenderer(1).isSeriesVisible(2), "b's train accuracy hidden");
        assertFalse(accuracy.getRenderer(1).isSeriesVisible(3), "and its held-out accuracy");
        assertTrue(accuracy.getRenderer(1).isSeriesVisible(0), "a stays");
        assertEquals(List.of("a"), HoverTable.at(vm.charts(), "accuracy", 1).rows().stream()
                .map(HoverTable.Row::runId).toList());
        robot.clickOn("#legend-b");
        assertTrue(accuracy.getRenderer(1).isSeriesVisible(2));
    }

    @Test
    void aRunsColourIsChosenByRightClickAndKeptInTheSession(FxRobot robot, @TempDir Path folder) throws Exception {
        // a right click, as the headless robot's clicks raise no context-menu request of their own
        javafx.scene.Node entry = robot.lookup("#legend-b").query();
        javafx.geometry.Point2D at = entry.localToScreen(5, 5);
        robot.interact(() -> javafx.event.Event.fireEvent(entry, new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, at.getX(), at.getY(), false, null)));
        robot.clickOn(korean.get("chart.color.7"));
        assertEquals(7, vm.charts().overlaysProperty().get().get(1).colorIndex());
        assertTrue(robot.lookup("#legend-b .legend-bar").query().getStyleClass().contains("run-color-7"));

        Path file = folder.resolve("colours.json");
        robot.interact(() -> vm.workspace().files().saveSession(file));
        assertEquals(7, SessionJson.read(file).run("b").orElseThrow().colorIndex());
        robot.interact(() -> {
            vm.workspace().files().newSession();
            vm.workspace().files().openSession(file);
        });
        assertEquals(7, vm.charts().overlaysProperty().get().get(1).colorIndex(), "the colour came back with the file");
    }

    private static Session twoRuns() {
        LossCurve.Builder losses = new LossCurve.Builder();
        for (int i = 1; i <= 12; i++) {
            losses.add(i, 2.0 / i);
        }
        SessionRun a = SessionRun.queued("a", 0, Defaults.settings().withName("Baseline"));
        SessionRun b = SessionRun.queued("b", 1, Defaults.settings().withName("Second"));
        for (int n = 1; n <= 3; n++) {
            EpochMetrics e = new EpochMetrics(n, 4L * n, 1.0 / n, 0.6 + n / 10.0, 1.1 / n, 0.55 + n / 20.0, 1e-3, 1e-3,
                    10, 100, 2.0 * n);
            a = a.withEpoch(e);
            b = b.withEpoch(e);
        }
        a = a.withLosses(losses.build()).withState(RunState.COMPLETED, null);
        b = b.withLosses(losses.build()).withState(RunState.COMPLETED, null);
        return Session.empty().withRun(a).withRun(b).withSelected(List.of("a", "b")).withActiveRunId("a");
    }
}
