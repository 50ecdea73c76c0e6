package org.trainlab.ui.charts;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;

/**
 * Charts drawn only while they are on screen. A chart behind another tab (the curves while the Inside
 * view is open) was still drawn at every change, ten times a second: its canvas's new content then made
 * JavaFX repaint the whole window in software after each refresh, twice, which took the renderer 9.7 s
 * of CPU over the four-run harness against 0.3 s for what was really on screen (docs/performance.md).
 */
public final class ShownCharts {

    private static final String KEY = ShownCharts.class.getName();

    private ShownCharts() {
    }

    /**
     * Keeps {@code viewer}'s canvas from drawing its chart while the viewer is not shown (out of a
     * window, in a hidden window, or under a node that is not visible, as the content of a tab behind
     * another), and draws the chart once when it is shown again. FX thread.
     */
    public static void drawWhileShown(ChartViewer viewer) {
        ObservableValue<Boolean> shown = shown(viewer);
        viewer.getProperties().put(KEY, shown); // the viewer keeps the watch alive
        ChartCanvas canvas = viewer.getCanvas();
        shown.subscribe(now -> {
            JFreeChart chart = viewer.getChart();
            if (chart == null) {
                return;
            }
            chart.removeChangeListener(canvas);
            ChartStyle.onScreen(chart, now);
            if (now) {
                chart.addChangeListener(canvas);
                canvas.draw();
            }
        });
    }

    /** Whether the viewer's chart is drawn now (for tests). */
    static boolean drawing(ChartViewer viewer) {
        return viewer.getProperties().get(KEY) instanceof ObservableValue<?> shown && Boolean.TRUE.equals(shown.getValue());
    }

    /** True while {@code node} and every node above it are visible in a window that is showing. */
    static ObservableValue<Boolean> shown(Node node) {
        ObservableValue<Boolean> above = node.parentProperty().flatMap(ShownCharts::shown);
        ObservableValue<Boolean> window = node.sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty);
        return Bindings.createBooleanBinding(() -> node.isVisible()
                        && Boolean.TRUE.equals(node.getParent() != null ? above.getValue() : window.getValue()),
                node.visibleProperty(), node.parentProperty(), above, window);
    }
}
