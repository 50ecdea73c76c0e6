package org.trainlab.ui.charts;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.trainlab.experiment.text.Messages;

/**
 * A chart's right-click menu in the window's language. JFreeChart-FX 2.0 builds its viewer's menu with
 * English texts written into the code (no resource bundle to translate), and its export items know
 * neither the bundled font nor this SVG library; so the menu's items are all ours: zoom in, zoom out,
 * the whole run again, and saving as PNG or SVG.
 */
final class ChartMenu {

    private ChartMenu() {
    }

    /** Fills the viewer's context menu; {@code reset} puts the axes back as the data sets them. */
    static void install(ChartViewer viewer, Messages messages, Runnable reset, Runnable png, Runnable svg) {
        ContextMenu menu = viewer.getContextMenu();
        if (menu == null) {
            return;
        }
        MenuItem in = item(messages.get("chart.menu.zoomIn"), () -> zoom(viewer, 0.5));
        MenuItem out = item(messages.get("chart.menu.zoomOut"), () -> zoom(viewer, 2));
        MenuItem all = item(messages.get("chart.menu.zoomReset"), reset);
        menu.getItems().setAll(in, out, all, new SeparatorMenuItem(),
                item(messages.get("chart.export.png"), png), item(messages.get("chart.export.svg"), svg));
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Zooms both axes about the middle of the plot; a factor below 1 zooms in. */
    private static void zoom(ChartViewer viewer, double factor) {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (info == null || !(viewer.getChart().getPlot() instanceof XYPlot plot)) {
            return;
        }
        PlotRenderingInfo plotInfo = info.getPlotInfo();
        Rectangle2D area = plotInfo.getDataArea();
        Point2D middle = new Point2D.Double(area.getCenterX(), area.getCenterY());
        plot.zoomDomainAxes(factor, plotInfo, middle);
        plot.zoomRangeAxes(factor, plotInfo, middle);
    }
}
