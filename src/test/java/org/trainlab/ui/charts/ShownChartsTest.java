package org.trainlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A chart behind another tab is not drawn when it changes, and is drawn once when its tab is shown. */
@ExtendWith(ApplicationExtension.class)
class ShownChartsTest {

    private final AtomicInteger draws = new AtomicInteger();
    private final XYSeries series = new XYSeries("s");
    private TabPane tabs;
    private Tab chartTab;
    private ChartViewer viewer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), new NumberAxis(), new NumberAxis(),
                ChartStyle.lines(false));
        JFreeChart chart = new JFreeChart(plot) {
            private static final long serialVersionUID = 1L;

            @Override
            public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, ChartRenderingInfo info) {
                draws.incrementAndGet();
                super.draw(g2, area, anchor, info);
            }
        };
        viewer = new ChartViewer(chart);
        ShownCharts.drawWhileShown(viewer);
        chartTab = new Tab("chart", viewer);
        tabs = new TabPane(new Tab("other", new Label("in front")), chartTab);
        stage.setScene(new Scene(new StackPane(tabs), 600, 400));
        stage.show();
    }

    private int drawsAfter(Runnable action) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            int before = draws.get();
            action.run();
            return before;
        }));
        WaitForAsyncUtils.waitForFxEvents();
        return draws.get();
    }

    @Test
    void aChartBehindAnotherTabIsDrawnOnlyWhenShown() {
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(ShownCharts.drawing(viewer), "the chart's tab is behind the first one");
        int start = draws.get();
        assertEquals(start, drawsAfter(() -> series.add(1, 2)), "changed behind another tab: not drawn");
        assertEquals(start, drawsAfter(() -> series.add(2, 3)));

        int shown = drawsAfter(() -> tabs.getSelectionModel().select(chartTab));
        assertTrue(ShownCharts.drawing(viewer));
        assertTrue(shown > start, "drawn when its tab is shown");
        assertTrue(drawsAfter(() -> series.add(3, 1)) > shown, "and at each change while shown");

        int hidden = drawsAfter(() -> tabs.getSelectionModel().select(0));
        assertEquals(hidden, drawsAfter(() -> series.add(4, 1)), "not drawn once hidden again");
    }

    @Test
    void aHiddenWindowsChartsAreNotDrawn() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(chartTab)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ShownCharts.drawing(viewer));
        int hidden = drawsAfter(stage::hide);
        assertFalse(ShownCharts.drawing(viewer));
        assertEquals(hidden, drawsAfter(() -> series.add(5, 1)));
        assertTrue(drawsAfter(stage::show) > hidden, "drawn when the window shows again");
    }
}
