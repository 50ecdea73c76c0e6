package org.trainlab.ui.charts;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDifferenceRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.trainlab.ui.i18n.Messages;
import org.trainlab.ui.theme.Fonts;
import org.trainlab.ui.theme.Palette;

/**
 * The three live curves: loss (each batch faint, each epoch's train and held-out bold, the
 * gap between them shaded), accuracy (train and held-out, gap shaded) and the learning rate (planned
 * and used). The charts only show {@link ChartsModel}'s datasets, which change on the FX thread.
 */
public final class ChartsView {

    private final ChartsModel model;
    private final Messages messages;
    private final ObservableDoubleValue zoom;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<JFreeChart> charts = new ArrayList<>();
    private final List<Runnable> restyles = new ArrayList<>();
    private GridPane root;
    private XYPlot lossPlot;
    private ValueMarker divergedMarker;

    public ChartsView(ChartsModel model, Messages messages, ObservableDoubleValue zoom) {
        this.model = model;
        this.messages = messages;
        this.zoom = zoom;
        createView();
        initListeners();
    }

    public Node node() {
        return root;
    }

    private void createView() {
        // loss and accuracy side by side, the learning rate under both: two rows keep each chart tall
        // enough to read on a 768-pixel screen, even with projector-sized text
        root = new GridPane();
        root.getStyleClass().add("charts");
        root.add(card("loss", lossChart()), 0, 0);
        root.add(card("accuracy", accuracyChart()), 1, 0);
        root.add(card("lr", learningRateChart()), 0, 1, 2, 1);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            root.getColumnConstraints().add(column);
        }
        for (double share : new double[] {62, 38}) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(share);
            row.setVgrow(Priority.ALWAYS);
            root.getRowConstraints().add(row);
        }
    }

    private void initListeners() {
        subscriptions.add(model.epochsProperty().subscribe(epochs -> {
            for (JFreeChart chart : charts) {
                chart.getXYPlot().getDomainAxis().setRange(0, Math.max(1, epochs.intValue()));
            }
        }));
        subscriptions.add(zoom.subscribe(z -> {
            restyles.forEach(Runnable::run);
            charts.forEach(chart -> ChartStyle.applyZoom(chart, z.doubleValue()));
        }));
        subscriptions.add(model.divergedAtProperty().subscribe(x -> {
            if (divergedMarker != null) {
                lossPlot.removeDomainMarker(divergedMarker);
                divergedMarker = null;
            }
            if (!Double.isNaN(x.doubleValue())) {
                divergedMarker = new ValueMarker(x.doubleValue(), Palette.DIVERGED, ChartStyle.dashed(zoom.get(), 1.5f));
                divergedMarker.setLabel(messages.get("chart.diverged"));
                divergedMarker.setLabelFont(Fonts.chart(true, (float) (ChartStyle.LABEL_POINTS * zoom.get())));
                divergedMarker.setLabelPaint(Palette.DIVERGED);
                divergedMarker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                divergedMarker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
                lossPlot.addDomainMarker(divergedMarker);
            }
        }));
    }

    /** Removes this view's listeners from the models it showed. */
    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }

    private VBox card(String id, JFreeChart chart) {
        charts.add(chart);
        Label title = new Label(messages.get("chart." + id + ".title"));
        title.getStyleClass().add("chart-title");
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("chart-" + id);
        viewer.setMinSize(120, 60);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        VBox card = new VBox(title, viewer);
        card.getStyleClass().add("chart-card");
        card.setMinSize(0, 0);
        return card;
    }

    private JFreeChart lossChart() {
        NumberAxis y = new NumberAxis(messages.get("chart.loss.axis"));
        y.setNumberFormatOverride(ChartStyle.shortNumbers());
        XYLineAndShapeRenderer batches = new XYLineAndShapeRenderer(true, false);
        batches.setSeriesPaint(0, Palette.BATCH);
        XYDifferenceRenderer epochs = differenceRenderer(Palette.REVERSE_GAP, Palette.GAP);
        lossPlot = new XYPlot(model.batchLoss(), ChartStyle.epochAxis(messages.get("chart.epoch")), y, batches);
        lossPlot.setDataset(1, model.epochLoss());
        lossPlot.setRenderer(1, epochs);
        lossPlot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        restyles.add(() -> {
            double z = zoom.get();
            batches.setSeriesStroke(0, ChartStyle.solid(z, 1f));
            styleEpochCurves(epochs, z);
            LegendItemCollection legend = new LegendItemCollection();
            legend.add(ChartStyle.line(messages.get("chart.series.batch"), Palette.BATCH, ChartStyle.solid(z, 1.5f)));
            legend.add(ChartStyle.line(messages.get("chart.series.trainEpoch"), Palette.TRAIN, ChartStyle.solid(z, 2.5f)));
            legend.add(ChartStyle.line(messages.get("chart.series.heldOut"), Palette.HELD_OUT, ChartStyle.dashed(z, 2.5f)));
            legend.add(ChartStyle.area(messages.get("chart.series.lossGap"), Palette.GAP));
            lossPlot.setFixedLegendItems(legend);
        });
        return ChartStyle.chart(lossPlot, true, zoom.get());
    }

    private JFreeChart accuracyChart() {
        NumberAxis y = new NumberAxis(messages.get("chart.accuracy.axis"));
        y.setAutoRangeIncludesZero(false);
        NumberFormat percent = NumberFormat.getPercentInstance(messages.locale());
        percent.setMaximumFractionDigits(1);
        y.setNumberFormatOverride(percent);
        XYDifferenceRenderer renderer = differenceRenderer(Palette.GAP, Palette.REVERSE_GAP);
        XYPlot plot = new XYPlot(model.accuracy(), ChartStyle.epochAxis(messages.get("chart.epoch")), y, renderer);
        restyles.add(() -> {
            double z = zoom.get();
            styleEpochCurves(renderer, z);
            LegendItemCollection legend = new LegendItemCollection();
            legend.add(ChartStyle.line(messages.get("chart.series.train"), Palette.TRAIN, ChartStyle.solid(z, 2.5f)));
            legend.add(ChartStyle.line(messages.get("chart.series.heldOut"), Palette.HELD_OUT, ChartStyle.dashed(z, 2.5f)));
            legend.add(ChartStyle.area(messages.get("chart.series.accuracyGap"), Palette.GAP));
            plot.setFixedLegendItems(legend);
        });
        return ChartStyle.chart(plot, true, zoom.get());
    }

    private JFreeChart learningRateChart() {
        NumberAxis y = new NumberAxis(messages.get("chart.lr.axis"));
        y.setNumberFormatOverride(ChartStyle.shortNumbers());
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Palette.PLANNED);
        renderer.setSeriesPaint(1, Palette.LR);
        XYPlot plot = new XYPlot(model.learningRate(), ChartStyle.epochAxis(messages.get("chart.epoch")), y, renderer);
        restyles.add(() -> {
            double z = zoom.get();
            renderer.setSeriesStroke(0, ChartStyle.dashed(z, 1.5f));
            renderer.setSeriesStroke(1, ChartStyle.solid(z, 2.5f));
            LegendItemCollection legend = new LegendItemCollection();
            legend.add(ChartStyle.line(messages.get("chart.series.planned"), Palette.PLANNED, ChartStyle.dashed(z, 1.5f)));
            legend.add(ChartStyle.line(messages.get("chart.series.used"), Palette.LR, ChartStyle.solid(z, 2.5f)));
            plot.setFixedLegendItems(legend);
        });
        return ChartStyle.chart(plot, true, zoom.get());
    }

    /** Train (series 0) solid, held-out (series 1) dashed, the area between them shaded. */
    private static XYDifferenceRenderer differenceRenderer(java.awt.Color trainAbove, java.awt.Color heldOutAbove) {
        XYDifferenceRenderer renderer = new XYDifferenceRenderer(trainAbove, heldOutAbove, true);
        renderer.setSeriesPaint(0, Palette.TRAIN);
        renderer.setSeriesPaint(1, Palette.HELD_OUT);
        return renderer;
    }

    private static void styleEpochCurves(XYDifferenceRenderer renderer, double zoom) {
        renderer.setSeriesStroke(0, ChartStyle.solid(zoom, 2.5f));
        renderer.setSeriesStroke(1, ChartStyle.dashed(zoom, 2.5f));
        double r = 3.5 * Math.sqrt(zoom);
        java.awt.Shape dot = new java.awt.geom.Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
        renderer.setSeriesShape(0, dot);
        renderer.setSeriesShape(1, dot);
    }
}
