package org.trainlab.ui.charts;

import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.trainlab.experiment.text.Numbers;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.theme.Palette;

/**
 * A small table over a chart while the mouse is over its plot: every visible run's figures at that
 * moment ({@link HoverTable}), next to the pointer, never in its way (the table ignores the mouse).
 */
final class HoverOverlay {

    private final String chartId;
    private final ChartViewer viewer;
    private final ChartsModel model;
    private final Messages messages;
    private final GridPane table = new GridPane();
    private final Pane layer = new Pane(table);
    private final StackPane stack;

    HoverOverlay(String chartId, ChartViewer viewer, ChartsModel model, Messages messages) {
        this.chartId = chartId;
        this.viewer = viewer;
        this.model = model;
        this.messages = messages;
        table.getStyleClass().add("hover-table");
        table.setId("hover-" + chartId);
        table.setVisible(false);
        table.setManaged(false);
        layer.setMouseTransparent(true);
        layer.setMinSize(0, 0);
        layer.setPickOnBounds(false);
        stack = new StackPane(viewer, layer);
        stack.setMinSize(0, 0);
        viewer.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        viewer.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> hide());
        viewer.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hide());
    }

    /** The viewer with the table over it. */
    Node node() {
        return stack;
    }

    private void hide() {
        table.setVisible(false);
    }

    private void moved(MouseEvent e) {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (info == null || !(viewer.getChart().getPlot() instanceof XYPlot plot)) {
            return;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        if (model.overlaysProperty().get().isEmpty() || !area.contains(e.getX(), e.getY())) {
            hide();
            return;
        }
        double x = plot.getDomainAxis().java2DToValue(e.getX(), area, plot.getDomainAxisEdge());
        show(HoverTable.at(model, chartId, x));
        // beside the pointer, on the side with room; new cells are styled first, or they measure empty
        table.applyCss();
        table.autosize();
        Bounds b = table.getLayoutBounds();
        double left = e.getX() + 16 + b.getWidth() <= stack.getWidth() ? e.getX() + 16 : e.getX() - 16 - b.getWidth();
        double top = Math.min(Math.max(0, e.getY() - b.getHeight() / 2), Math.max(0, stack.getHeight() - b.getHeight()));
        table.relocate(Math.max(0, left), top);
    }

    /** Fills the table: a heading row with the moment, then one row per run. */
    void show(HoverTable.Table t) {
        table.getChildren().clear();
        boolean seconds = model.options().xUnitProperty().get() == ChartOptions.XUnit.SECONDS;
        table.add(cell(seconds ? messages.format("chart.hover.seconds", Numbers.format(round(t.x())))
                : messages.get("chart.epoch"), "hover-head"), 0, 0, 2, 1);
        for (int c = 0; c < t.columns().size(); c++) {
            table.add(cell(messages.get(t.columns().get(c)), "hover-head"), c + 2, 0);
        }
        NumberFormat percent = NumberFormat.getPercentInstance(messages.locale());
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        int r = 1;
        for (HoverTable.Row row : t.rows()) {
            Region bar = new Region();
            bar.getStyleClass().addAll("legend-bar", "run-color-" + Math.floorMod(row.colorIndex(), Palette.RUN_COLORS));
            table.add(bar, 0, r);
            String name = row.label().length() > 28 ? row.label().substring(0, 27).strip() + "…" : row.label();
            table.add(cell(row.epoch() > 0 ? messages.format("chart.hover.run", name, row.epoch()) : name,
                    "hover-run"), 1, r);
            for (int c = 0; c < row.values().size(); c++) {
                double v = row.values().get(c);
                String text = !Double.isFinite(v) ? "–" : chartId.equals("accuracy") ? percent.format(v)
                        : Numbers.format(round(v));
                table.add(cell(text, "hover-value"), c + 2, r);
            }
            List<String> events = MarkedRuns.at(model, row.runId(), row.epoch()).stream()
                    .map(m -> MarkerLayer.label(messages, m)).toList();
            if (!events.isEmpty()) {
                table.add(cell(String.join(" · ", events), "hover-event"), row.values().size() + 2, r);
            }
            r++;
        }
        table.setVisible(!t.rows().isEmpty());
    }

    private static Label cell(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        return label;
    }

    /** Four significant digits: enough to tell runs apart, short enough to read. */
    private static double round(double v) {
        return v == 0 || !Double.isFinite(v) ? v
                : new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
    }
}
