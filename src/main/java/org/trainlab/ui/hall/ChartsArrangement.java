package org.trainlab.ui.hall;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.util.Subscription;
import org.jfree.chart.fx.ChartViewer;
import org.trainlab.ui.charts.ChartsView;

/**
 * Arranges the three charts as {@link LayoutPlan} decides: loss and accuracy side by side over the
 * learning rate, or the three in one row; and measures what each chart needs around its plot (title,
 * key, axes) from its last drawing at the current text size, for the plan.
 */
final class ChartsArrangement {

    /** The share of the two-row grid the learning rate gets when there is room: it is the least read. */
    private static final double LR_SHARE = 0.36;

    private final GridPane grid;
    private final Region legend;
    private final List<Region> cards = new ArrayList<>();
    private final List<ChartViewer> viewers = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private boolean oneRow;
    private double chromeWidth = Double.NaN;
    private double chromeHeight = Double.NaN;

    ChartsArrangement(Region charts, ObservableDoubleValue zoom) {
        this.grid = (GridPane) charts.lookup(".charts");
        this.legend = (Region) charts.lookup("#chart-legend");
        for (String id : ChartsView.IDS) {
            ChartViewer viewer = (ChartViewer) charts.lookup("#chart-" + id);
            viewers.add(viewer);
            // the chart's card: the grid's child that holds the viewer (with its title and tools)
            javafx.scene.Node card = viewer;
            while (card.getParent() != grid) {
                card = card.getParent();
            }
            cards.add((Region) card);
        }
        grid.getRowConstraints().clear();
        grid.getColumnConstraints().clear();
        arrange(false, 1 - LR_SHARE);
        subscriptions.add(zoom.subscribe(z -> {
            // other text, other axes: measured again at the next drawing
            chromeWidth = Double.NaN;
            chromeHeight = Double.NaN;
        }));
    }

    GridPane grid() {
        return grid;
    }

    /** The legend's height, 0 while it is hidden (no run shown). */
    double legendHeight() {
        return legend == null || !legend.isManaged() ? 0 : legend.getHeight();
    }

    /** What a chart needs across beside its plot: measured, else estimated from the text size {@code em}. */
    double chromeWidth(double em) {
        measure();
        return Double.isNaN(chromeWidth) ? 7 * em : chromeWidth;
    }

    /** What a chart needs down beside its plot: measured, else estimated. */
    double chromeHeight(double em) {
        measure();
        return Double.isNaN(chromeHeight) ? 9.5 * em : chromeHeight;
    }

    void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }

    /** Lays the charts out as planned; the learning rate's row gets its share if that keeps its minimum. */
    void apply(LayoutPlan.Plan plan, double floorHeight) {
        grid.setMinHeight(plan.gridMinHeight());
        double height = grid.getHeight();
        double top = plan.oneRow() || height <= 0 ? 1 - LR_SHARE
                : Math.max(0.5, Math.min(1 - LR_SHARE, 1 - (floorHeight + 1.5 * grid.getVgap()) / height));
        arrange(plan.oneRow(), top);
    }

    private void arrange(boolean one, double topShare) {
        boolean changed = one != oneRow || grid.getRowConstraints().isEmpty();
        oneRow = one;
        if (changed) {
            grid.getChildren().removeAll(cards);
            grid.getColumnConstraints().clear();
            grid.getRowConstraints().clear();
            int columns = one ? 3 : 2;
            for (int c = 0; c < columns; c++) {
                ColumnConstraints column = new ColumnConstraints();
                column.setPercentWidth(100.0 / columns);
                column.setHgrow(Priority.ALWAYS);
                grid.getColumnConstraints().add(column);
            }
            for (int r = 0; r < (one ? 1 : 2); r++) {
                RowConstraints row = new RowConstraints();
                row.setVgrow(Priority.ALWAYS);
                grid.getRowConstraints().add(row);
            }
            grid.add(cards.get(0), 0, 0);
            grid.add(cards.get(1), 1, 0);
            if (one) {
                grid.add(cards.get(2), 2, 0);
            } else {
                grid.add(cards.get(2), 0, 1, 2, 1);
            }
        }
        List<RowConstraints> rows = grid.getRowConstraints();
        double top = one ? 100 : Math.round(1000 * topShare) / 10.0;
        if (rows.get(0).getPercentHeight() != top) {
            rows.get(0).setPercentHeight(top);
            if (!one) {
                rows.get(1).setPercentHeight(100 - top);
            }
        }
    }

    /** The largest of the three charts' needs as last drawn; plots too small to tell are not counted. */
    private void measure() {
        for (int i = 0; i < viewers.size(); i++) {
            var info = viewers.get(i).getCanvas().getRenderingInfo();
            java.awt.geom.Rectangle2D area = info == null ? null : info.getPlotInfo().getDataArea();
            Region card = cards.get(i);
            if (area == null || area.getWidth() < 100 || area.getHeight() < 60 || card.getWidth() <= 0) {
                continue;
            }
            double w = card.getWidth() - area.getWidth();
            double h = card.getHeight() - area.getHeight();
            chromeWidth = Double.isNaN(chromeWidth) ? w : Math.max(chromeWidth, w);
            chromeHeight = Double.isNaN(chromeHeight) ? h : Math.max(chromeHeight, h);
        }
    }
}
