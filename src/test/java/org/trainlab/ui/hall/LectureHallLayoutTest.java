package org.trainlab.ui.hall;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.event.Event;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
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
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.preset.Preset;
import org.trainlab.preset.PresetLoader;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.ChartsView;

/**
 * The window on the screens of a lecture hall: 1280x720 (most projectors), 1366x768 (most laptops) and
 * 1920x1080, each in the normal layout, in projector mode and in the presentation view, in English and
 * Korean, with the overfitting preset's five runs loaded (40 finished epochs each; loaded, not trained).
 *
 * <p>In every one of the 18 layouts: the part one can see of each chart's plot area (JFreeChart's data
 * area, where the curves are drawn, cut to the window and to whatever clips it) is at least {@link #PLOT_WIDTH}x{@link #PLOT_HEIGHT} pixels, or its share of the window
 * if that is smaller: a fifth of the window's width and a fifth of its height (three charts, the legend,
 * the runs and the controls share one window: at 1280x720 that is 256x144, at 1366x768 273x150, at
 * 1920x1080 the full 300x150); no control lies outside the window; and no text of
 * the runs list or the legend is cut short unless it has a tooltip that shows it whole.
 */
@ExtendWith(ApplicationExtension.class)
class LectureHallLayoutTest {

    static final double PLOT_WIDTH = 300;
    static final double PLOT_HEIGHT = 150;
    static final double WIDTH_SHARE = 0.2;
    static final double HEIGHT_SHARE = 0.2;
    private static final int[][] SCREENS = {{1280, 720}, {1366, 768}, {1920, 1080}};

    private static TemporaryProperty dataFolder;
    private Workbench workbench;
    private Stage stage;

    @BeforeAll
    static void ownDataFolder() throws IOException {
        dataFolder = TemporaryProperty.set(org.trainlab.data.AppDirs.DATA_PROPERTY,
                Files.createTempDirectory("trainlab-hall-test").toString());
    }

    @AfterAll
    static void restoreDataFolder() {
        dataFolder.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workbench = Workbench.open(stage, Locale.ENGLISH);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(workbench::close);
    }

    @Test
    void everyLayoutKeepsItsChartsReadableAndItsControlsInside(FxRobot robot) {
        robot.interact(() -> workbench.viewModel().workspace().files().restore(overfittingLoaded()));
        List<String> problems = new ArrayList<>();
        for (Locale language : List.of(Locale.ENGLISH, Locale.KOREAN)) {
            robot.interact(() -> workbench.viewModel().localeProperty().set(language));
            for (int[] screen : SCREENS) {
                for (String mode : List.of("normal", "projector", "presentation")) {
                    String where = language.getLanguage() + " " + screen[0] + "x" + screen[1] + " " + mode + ": ";
                    layOut(robot, where, mode, screen, problems);
                }
            }
        }
        assertTrue(setMode(robot, "normal") == null, "back to the normal layout");
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /**
     * The overfitting preset repeated with five seeds (25 runs in five groups, every seed finished) on a
     * 1280x720 projector at 150 % text, in English and Korean: the charts keep their plots, and every one
     * of the five group rows shows whole over them, each with its figures and its verdict (short, the
     * whole sentence in a tooltip), none scrolled out of view.
     */
    @Test
    void fiveGroupsOfFiveSeedsShowWholeOnAProjector(FxRobot robot) {
        robot.interact(() -> workbench.viewModel().workspace().files().restore(overfittingGroups(5)));
        List<String> problems = new ArrayList<>();
        for (Locale language : List.of(Locale.ENGLISH, Locale.KOREAN)) {
            robot.interact(() -> workbench.viewModel().localeProperty().set(language));
            for (int[] screen : new int[][] {{1280, 720}, {1920, 1080}}) {
                for (String mode : List.of("projector", "normal")) {
                    String where = language.getLanguage() + " " + screen[0] + "x" + screen[1] + " " + mode + " five groups: ";
                    layOut(robot, where, mode, screen, problems);
                    groupRows(where, 5, problems);
                    if (Boolean.getBoolean("hall.debug")) {
                        robot.interact(() -> HallDebug.shoot(stage.getScene(), language.getLanguage() + "-" + screen[0] + "-" + mode));
                    }
                }
            }
        }
        assertTrue(setMode(robot, "normal") == null, "back to the normal layout");
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));

        robot.interact(() -> workbench.viewModel().workspace().files().restore(Session.empty()));
        settle(robot);
        assertTrue(robot.lookup(".group-name").queryAllAs(Labeled.class).stream().allMatch(l -> l.getText().isEmpty()),
                "the emptied group rows keep no group's name, hidden or not");
    }

    /** The window in {@code mode} at the {@code screen}'s size, settled, and checked; what is wrong goes to {@code problems}. */
    private void layOut(FxRobot robot, String where, String mode, int[] screen, List<String> problems) {
        String missing = setMode(robot, mode);
        if (missing != null) {
            problems.add(where + missing);
        }
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(screen[0]);
            stage.setHeight(screen[1]);
        });
        settle(robot);
        check(where, screen[0], screen[1], problems);
        if (Boolean.getBoolean("hall.debug")) {
            System.err.println(where + HallDebug.describe(stage.getScene().getRoot()));
        }
    }

    /** Each of the {@code groups} rows lies whole inside the groups' list and the window, with a verdict that shows. */
    private void groupRows(String where, int groups, List<String> problems) {
        Parent root = stage.getScene().getRoot();
        Node list = root.lookup("#group-list");
        if (list == null || !shown(list)) {
            problems.add(where + "the groups' list is not shown");
            return;
        }
        Bounds inside = visible(list, list.localToScene(list.getLayoutBounds()), stage.getScene().getWidth(),
                stage.getScene().getHeight());
        java.util.Set<Object> whole = new java.util.HashSet<>();
        for (Node n : list.lookupAll(".list-cell")) {
            if (n instanceof javafx.scene.control.ListCell<?> cell && cell.getItem() != null && shown(cell)) {
                Bounds b = cell.localToScene(cell.getLayoutBounds());
                if (inside != null && b.getMinY() >= inside.getMinY() - 1 && b.getMaxY() <= inside.getMaxY() + 1
                        && b.getMaxX() <= inside.getMaxX() + 1) {
                    whole.add(cell.getItem());
                    Node verdict = cell.lookup(".group-verdict");
                    if (!(verdict instanceof Labeled l) || !shown(l) || l.getWidth() < 20 || l.getText().isEmpty()) {
                        problems.add(where + "the verdict of \"" + cell.getItem() + "\" does not show");
                    } else if (!hasTooltip(l) || l.getTooltip() == null || l.getTooltip().getText().length() < l.getText().length()) {
                        // made as the pointer comes over it (hasTooltip hovers)
                        problems.add(where + "the verdict of \"" + cell.getItem() + "\" has no tooltip with the whole sentence");
                    }
                }
            }
        }
        if (whole.size() < groups) {
            problems.add(where + "only " + whole.size() + " of " + groups + " group rows show whole: " + whole);
        }
        cutText(list, where + "#group-list: ", problems);
    }

    /**
     * The overfitting preset's five runs, each repeated with {@code seeds} seeds as the window groups them,
     * every seed finished with 40 epochs (the seeds a little apart, the cures a little better).
     */
    static Session overfittingGroups(int seeds) {
        Preset preset = PresetLoader.loadBundled().stream().filter(p -> p.id().equals("overfitting")).findFirst()
                .orElseThrow();
        List<java.util.Map<String, String>> names = preset.runs().stream().map(r -> java.util.Map.of(
                "en", r.name().get(Locale.ENGLISH), "ko", r.name().get(Locale.KOREAN))).toList();
        Session session = org.trainlab.session.Groups.comparison(Session.empty(), preset.expand(Locale.ENGLISH), names,
                seeds, Locale.ENGLISH);
        List<SessionRun> runs = session.runs();
        for (int i = 0; i < runs.size(); i++) {
            SessionRun run = runs.get(i);
            int cure = i / seeds;
            double luck = ((i % seeds) - seeds / 2.0) * 0.004;
            List<EpochMetrics> epochs = new ArrayList<>();
            for (int e = 1; e <= 40; e++) {
                double testAccuracy = 0.88 + cure * 0.012 + luck - 0.6 * Math.exp(-e / 2.5);
                double testLoss = 0.45 + 1.6 * Math.exp(-e / 2.0) + (0.012 - 0.002 * cure) * e - luck;
                epochs.add(new EpochMetrics(e, e * 10L, 2.3 * Math.exp(-e / 2.0) + 0.002,
                        1 - 0.9 * Math.exp(-e / 2.0), testLoss, testAccuracy, 0.001, 0.001, 20 + e, 900, e * 2.0));
            }
            session = session.withRun(new SessionRun(run.id(), run.colorIndex(), run.parentId(), run.settings(),
                    RunState.COMPLETED, null, 0.1307, 0.3081, null, epochs, null));
        }
        return session.withActiveRunId(runs.get(0).id());
    }

    /** Projector mode and the presentation view through their keys, as a lecturer switches them. */
    private String setMode(FxRobot robot, String mode) {
        boolean projector = mode.equals("projector") || mode.equals("presentation");
        boolean presentation = mode.equals("presentation");
        if (workbench.viewModel().projectorModeProperty().get() != projector) {
            robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        }
        if (presenting() != presentation) {
            robot.push(KeyCode.F9);
        }
        WaitForAsyncUtils.waitForFxEvents();
        if (workbench.viewModel().projectorModeProperty().get() != projector) {
            return "Ctrl+Shift+P did not turn projector mode " + (projector ? "on" : "off");
        }
        return presenting() == presentation ? null : "F9 did not turn the presentation view " + (presentation ? "on" : "off");
    }

    private boolean presenting() {
        return stage.getScene().getRoot().getStyleClass().contains("presentation");
    }

    /** A few pulses: the layout at the new size, the plan for it, the charts drawn at theirs and measured. */
    private static void settle(FxRobot robot) {
        for (int i = 0; i < 6; i++) {
            robot.interact(() -> { });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private void check(String where, double width, double height, List<String> problems) {
        double sceneWidth = stage.getScene().getWidth();
        double sceneHeight = stage.getScene().getHeight();
        double minWidth = Math.min(PLOT_WIDTH, WIDTH_SHARE * width);
        double minHeight = Math.min(PLOT_HEIGHT, HEIGHT_SHARE * height);
        Parent root = stage.getScene().getRoot();
        for (String id : ChartsView.IDS) {
            Node node = root.lookup("#chart-" + id);
            if (!(node instanceof ChartViewer viewer) || !shown(viewer)) {
                problems.add(where + "chart " + id + " is not shown");
                continue;
            }
            var info = viewer.getCanvas().getRenderingInfo();
            var data = info == null ? null : info.getPlotInfo().getDataArea();
            // the part of the plot one can see: inside the window and every clipping region around it
            Bounds area = data == null ? null : visible(viewer, viewer.localToScene(
                    new BoundingBox(data.getX(), data.getY(), data.getWidth(), data.getHeight())), sceneWidth, sceneHeight);
            if (area == null || area.getWidth() < minWidth || area.getHeight() < minHeight) {
                problems.add(where + "chart " + id + " plots in " + (area == null ? "nothing"
                        : Math.round(area.getWidth()) + "x" + Math.round(area.getHeight()) + " that show")
                        + ", less than " + Math.round(minWidth) + "x" + Math.round(minHeight));
            }
        }
        outside(root, sceneWidth, sceneHeight, where, problems);
        for (String id : List.of("#runs-table", "#chart-legend", "#hall-strip")) {
            Node area = root.lookup(id);
            if (area != null && shown(area)) {
                cutText(area, where + id + ": ", problems);
            }
        }
    }

    /** {@code b} (scene coordinates) cut to the window and to the clips of {@code node}'s ancestors; null if nothing is left. */
    private static Bounds visible(Node node, Bounds b, double width, double height) {
        double minX = Math.max(0, b.getMinX());
        double minY = Math.max(0, b.getMinY());
        double maxX = Math.min(width, b.getMaxX());
        double maxY = Math.min(height, b.getMaxY());
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getClip() != null) {
                Bounds clip = n.localToScene(n.getClip().getBoundsInParent());
                minX = Math.max(minX, clip.getMinX());
                minY = Math.max(minY, clip.getMinY());
                maxX = Math.min(maxX, clip.getMaxX());
                maxY = Math.min(maxY, clip.getMaxY());
            }
        }
        return maxX > minX && maxY > minY ? new BoundingBox(minX, minY, maxX - minX, maxY - minY) : null;
    }

    /** A control that shows and lies (partly) beyond the window's edges. */
    private static void outside(Node node, double width, double height, String where, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Control) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getWidth() > 0 && b.getHeight() > 0
                    && (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > width + 1 || b.getMaxY() > height + 1)) {
                problems.add(where + describe(node) + " lies outside the window: " + Math.round(b.getMinX()) + ","
                        + Math.round(b.getMinY()) + " to " + Math.round(b.getMaxX()) + "," + Math.round(b.getMaxY()));
                return;
            }
        }
        if (node instanceof ScrollPane || node.getClip() != null) {
            // what a scroll pane or a clipping region hides (a table's columns scrolled sideways) is its own
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                outside(child, width, height, where, problems);
            }
        }
    }

    /** Labels whose text shows cut short (an ellipsis in place of its end) with no tooltip to read it whole. */
    private static void cutText(Node node, String where, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            Text shown = (Text) labeled.lookup(".text");
            if (shown != null && shown.getParent() != null && !labeled.getText().equals(shown.getText())
                    && !hasTooltip(labeled)) {
                problems.add(where + "\"" + labeled.getText() + "\" shows as \"" + shown.getText() + "\" with no tooltip");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                cutText(child, where, problems);
            }
        }
    }

    private static boolean hasTooltip(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Control control && control.getTooltip() == null) {
                // the runs list's cells and the legend's entries make their tooltips when the pointer first
                // comes over them
                Event.fireEvent(control, new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0,
                        false, false, false, false, false, false, false, false, false, false, null));
            }
            if (n instanceof Control c && c.getTooltip() != null && !c.getTooltip().getText().isEmpty()) {
                return true;
            }
            if (n.getStyleClass().contains("table-view") || n.getId() != null && n.getId().equals("chart-legend")) {
                return false;
            }
        }
        return false;
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static String describe(Node node) {
        String text = node instanceof Labeled l && l.getText() != null ? " \"" + l.getText() + "\"" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + text;
    }

    /**
     * The overfitting preset's five runs, finished, with 40 epochs each shaped as the lecture shows them
     * (training accuracy to 100%, held-out stalling below it and its loss climbing again): the charts,
     * the legend and the list hold what they hold in a lecture, without training anything.
     */
    static Session overfittingLoaded() {
        Preset preset = PresetLoader.loadBundled().stream().filter(p -> p.id().equals("overfitting")).findFirst()
                .orElseThrow();
        Session session = Session.empty().withComparison(preset.expand(Locale.ENGLISH));
        List<SessionRun> runs = session.runs();
        for (int r = 0; r < runs.size(); r++) {
            List<EpochMetrics> epochs = new ArrayList<>();
            double cure = r * 0.012;
            for (int e = 1; e <= 40; e++) {
                double trainAccuracy = 1 - 0.9 * Math.exp(-e / (2.0 + r)) - cure * 0.5;
                double testAccuracy = 0.89 + cure - 0.6 * Math.exp(-e / 2.5);
                double trainLoss = 2.3 * Math.exp(-e / (2.0 + r)) + 0.002;
                double testLoss = 0.45 + 1.6 * Math.exp(-e / 2.0) + (0.012 - 0.002 * r) * e;
                epochs.add(new EpochMetrics(e, e * 10L, trainLoss, trainAccuracy, testLoss, testAccuracy, 0.001,
                        0.001, 20 + e, 900, e * 2.0));
            }
            SessionRun run = runs.get(r);
            session = session.withRun(new SessionRun(run.id(), run.colorIndex(), run.parentId(), run.settings(),
                    RunState.COMPLETED, null, 0.1307, 0.3081, null, epochs, null));
        }
        return session.withActiveRunId(runs.get(0).id());
    }
}
