package org.trainlab.ui.charts;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
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
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.theme.Fonts;
import org.trainlab.ui.theme.Palette;

/**
 * The three charts, every run shown in its own colour: loss (each batch faint, each epoch's train
 * solid and held-out dashed), accuracy (train solid, held-out dashed) and the learning rate (used, and
 * planned for the highlighted run). The gap between the highlighted run's train and held-out curves is
 * shaded. One legend above the charts names each run and what it changed from the run it came from;
 * each chart's own legend says how to read its lines. Exported charts carry both. The charts only
 * show {@link ChartsModel}'s datasets, which change on the FX thread.
 */
public final class ChartsView {

    /** Chart ids, also the names of exported files. */
    public static final List<String> IDS = List.of("loss", "accuracy", "lr");
    private static final Color INVISIBLE = new Color(0, 0, 0, 0);
    private static final int BATCH_ALPHA = 0x48;
    /** Run names in an exported chart's legend are cut to this many characters. */
    static final int EXPORT_LEGEND_CHARACTERS = 90;

    private final ChartsModel model;
    private final Messages messages;
    private final ObservableDoubleValue zoom;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Map<String, JFreeChart> charts = new LinkedHashMap<>();
    private final List<Runnable> restyles = new ArrayList<>();
    private final Map<String, java.util.function.DoubleFunction<LegendItemCollection>> keys = new LinkedHashMap<>();
    private BiConsumer<String, String> exportHandler = (id, format) -> { };
    private VBox root;
    private FlowPane legend;
    private XYPlot lossPlot;
    private final List<ValueMarker> divergedMarkers = new ArrayList<>();

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

    /** The charts by id ({@link #IDS}), for exports; FX thread. */
    public Map<String, JFreeChart> charts() {
        return charts;
    }

    /** The legend for an exported chart: every run shown, then how to read the lines; FX thread. */
    public LegendItemCollection exportLegend(String id) {
        double z = zoom.get();
        LegendItemCollection all = new LegendItemCollection();
        for (ChartsModel.Overlay o : model.overlaysProperty().get()) {
            String text = o.label().length() <= EXPORT_LEGEND_CHARACTERS ? o.label()
                    : o.label().substring(0, EXPORT_LEGEND_CHARACTERS - 1).strip() + "…";
            all.add(ChartStyle.line(text, Palette.run(o.colorIndex()), ChartStyle.solid(z, 3f)));
        }
        all.addAll(keys.get(id).apply(z));
        return all;
    }

    /** Called with (chart id, "png" or "svg") when a chart's context menu asks to save it. */
    public void setExportHandler(BiConsumer<String, String> handler) {
        exportHandler = handler;
    }

    private void createView() {
        // loss and accuracy side by side, the learning rate under both: two rows keep each chart tall
        // enough to read on a 768-pixel screen, even with projector-sized text
        GridPane grid = new GridPane();
        grid.getStyleClass().add("charts");
        grid.add(card("loss", lossChart()), 0, 0);
        grid.add(card("accuracy", accuracyChart()), 1, 0);
        grid.add(card("lr", learningRateChart()), 0, 1, 2, 1);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        for (double share : new double[] {64, 36}) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(share);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        grid.setMinHeight(0);
        legend = new FlowPane();
        legend.setId("chart-legend");
        legend.getStyleClass().add("chart-legend");
        root = new VBox(legend, grid);
        root.getStyleClass().add("charts-area");
        root.setMinHeight(0);
        VBox.setVgrow(grid, Priority.ALWAYS);
    }

    /** One entry per run shown: a bar in its colour, its name and what it changed. */
    private void fillLegend(List<ChartsModel.Overlay> runs) {
        legend.getChildren().clear();
        for (ChartsModel.Overlay o : runs) {
            Region bar = new Region();
            bar.getStyleClass().addAll("legend-bar", "run-color-" + Math.floorMod(o.colorIndex(), Palette.RUN_COLORS));
            Label text = new Label(o.label());
            text.getStyleClass().add("legend-text");
            text.setTooltip(new Tooltip(o.label()));
            HBox entry = new HBox(bar, text);
            entry.getStyleClass().add("legend-entry");
            entry.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            legend.getChildren().add(entry);
        }
        legend.setVisible(!runs.isEmpty());
        legend.setManaged(!runs.isEmpty());
    }

    private void initListeners() {
        subscriptions.add(model.epochsProperty().subscribe(epochs -> {
            for (JFreeChart chart : charts.values()) {
                chart.setNotify(false);
                chart.getXYPlot().getDomainAxis().setRange(0, Math.max(1, epochs.intValue()));
                // the y axes fit the points within the x range, so they fit again when it changes
                chart.getXYPlot().configureRangeAxes();
                chart.setNotify(true);
            }
        }));
        subscriptions.add(zoom.subscribe(z -> quietly(() -> {
            restyle();
            charts.values().forEach(chart -> ChartStyle.applyZoom(chart, z.doubleValue()));
            markDivergences();
        })));
        subscriptions.add(model.changesProperty().subscribe(this::redraw));
        subscriptions.add(model.overlaysProperty().subscribe(o -> {
            quietly(this::restyle);
            fillLegend(o);
        }));
        subscriptions.add(model.divergencesProperty().subscribe(d -> quietly(this::markDivergences)));
    }

    /**
     * Makes changes to the charts' styles without a redraw per change (a viewer redraws at once on every
     * change it hears of), then redraws each chart once.
     */
    private void quietly(Runnable changes) {
        charts.values().forEach(c -> c.setNotify(false));
        try {
            changes.run();
        } finally {
            charts.values().forEach(c -> c.setNotify(true));
        }
    }

    /** Redraws, once each, the charts that show a changed dataset; their y axes fit the data again first. */
    private void redraw(ChartsModel.Change change) {
        for (JFreeChart chart : charts.values()) {
            XYPlot plot = chart.getXYPlot();
            boolean shows = false;
            for (int i = 0; i < plot.getDatasetCount() && !shows; i++) {
                shows = change.datasets().contains(plot.getDataset(i));
            }
            if (!shows) {
                continue;
            }
            chart.setNotify(false);
            plot.configureRangeAxes();
            if (plot == lossPlot) {
                fitLoss((NumberAxis) plot.getRangeAxis());
            }
            chart.setNotify(true);
        }
    }

    private void restyle() {
        restyles.forEach(Runnable::run);
    }

    /** A dashed line in the run's colour where its loss stopped being a number. */
    private void markDivergences() {
        divergedMarkers.forEach(lossPlot::removeDomainMarker);
        divergedMarkers.clear();
        for (ChartsModel.Divergence d : model.divergencesProperty().get()) {
            Color color = Palette.run(d.colorIndex());
            ValueMarker marker = new ValueMarker(d.x(), color, ChartStyle.dashed(zoom.get(), 1.5f));
            marker.setLabel(messages.get("chart.diverged"));
            marker.setLabelFont(Fonts.chart(true, (float) (ChartStyle.LABEL_POINTS * zoom.get())));
            marker.setLabelPaint(color);
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            lossPlot.addDomainMarker(marker);
            divergedMarkers.add(marker);
        }
    }

    /** Removes this view's listeners from the models it showed. */
    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }

    private VBox card(String id, JFreeChart chart) {
        charts.put(id, chart);
        Label title = new Label(messages.get("chart." + id + ".title"));
        title.getStyleClass().add("chart-title");
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("chart-" + id);
        viewer.setMinSize(120, 60);
        // our own export items: the built-in ones know neither the bundled font nor this SVG library
        ContextMenu menu = viewer.getContextMenu();
        if (menu != null) {
            MenuItem png = new MenuItem(messages.get("chart.export.png"));
            png.setOnAction(e -> exportHandler.accept(id, "png"));
            MenuItem svg = new MenuItem(messages.get("chart.export.svg"));
            svg.setOnAction(e -> exportHandler.accept(id, "svg"));
            menu.getItems().setAll(png, svg);
        }
        VBox.setVgrow(viewer, Priority.ALWAYS);
        VBox card = new VBox(title, viewer);
        card.getStyleClass().add("chart-card");
        card.setMinSize(0, 0);
        return card;
    }

    private JFreeChart lossChart() {
        NumberAxis y = new NumberAxis(messages.get("chart.loss.axis"));
        y.setNumberFormatOverride(ChartStyle.shortNumbers());
        XYDifferenceRenderer gap = gapRenderer(Palette.REVERSE_GAP, Palette.GAP);
        XYLineAndShapeRenderer batches = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer epochs = new XYLineAndShapeRenderer(true, true);
        lossPlot = new XYPlot(model.lossGap(), ChartStyle.epochAxis(messages.get("chart.epoch")), y, gap);
        lossPlot.setDataset(1, model.batchLoss());
        lossPlot.setRenderer(1, batches);
        lossPlot.setDataset(2, model.epochLoss());
        lossPlot.setRenderer(2, epochs);
        // the shaded gap behind, then the faint batches, then the bold epoch curves on top
        lossPlot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        // the epoch curves set the scale (see fitLoss), refitted at every redraw
        fitLoss(y);
        restyles.add(() -> {
            double z = zoom.get();
            List<ChartsModel.Overlay> runs = model.overlaysProperty().get();
            for (int i = 0; i < runs.size(); i++) {
                Color color = Palette.run(runs.get(i).colorIndex());
                batches.setSeriesPaint(i, Palette.faint(color, BATCH_ALPHA));
                batches.setSeriesStroke(i, ChartStyle.solid(z, 1f));
            }
            styleTrainAndHeldOut(epochs, runs, z);
            lossPlot.setFixedLegendItems(keys.get("loss").apply(z));
        });
        keys.put("loss", z -> {
            LegendItemCollection key = new LegendItemCollection();
            key.add(ChartStyle.line(messages.get("chart.series.batch"), Palette.faint(Palette.MUTED, 0x70), ChartStyle.solid(z, 1.5f)));
            styleLegend(key, z);
            key.add(ChartStyle.area(messages.get("chart.series.lossGap"), Palette.GAP));
            return key;
        });
        return ChartStyle.chart(lossPlot, true, zoom.get());
    }

    /**
     * 0 to a little above the highest epoch loss shown, once there is one; until then, every batch. The
     * first batches' losses (2.3 and more) would flatten the part that matters, where the held-out loss
     * turns and climbs; their spikes are cut at the top.
     */
    private void fitLoss(NumberAxis y) {
        double top = 0;
        XYSeriesCollection epochs = model.epochLoss();
        for (int s = 0; s < epochs.getSeriesCount(); s++) {
            XYSeries series = epochs.getSeries(s);
            for (int i = 0; i < series.getItemCount(); i++) {
                double v = series.getY(i).doubleValue();
                if (Double.isFinite(v)) {
                    top = Math.max(top, v);
                }
            }
        }
        if (top > 0) {
            y.setRange(0, top * 1.2);
        } else if (!y.isAutoRange()) {
            y.setAutoRange(true);
        }
    }

    private JFreeChart accuracyChart() {
        NumberAxis y = new NumberAxis(messages.get("chart.accuracy.axis"));
        y.setAutoRangeIncludesZero(false);
        NumberFormat percent = NumberFormat.getPercentInstance(messages.locale());
        percent.setMaximumFractionDigits(1);
        y.setNumberFormatOverride(percent);
        XYDifferenceRenderer gap = gapRenderer(Palette.GAP, Palette.REVERSE_GAP);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(model.accuracyGap(), ChartStyle.epochAxis(messages.get("chart.epoch")), y, gap);
        plot.setDataset(1, model.accuracy());
        plot.setRenderer(1, lines);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        restyles.add(() -> {
            double z = zoom.get();
            List<ChartsModel.Overlay> runs = model.overlaysProperty().get();
            styleTrainAndHeldOut(lines, runs, z);
            plot.setFixedLegendItems(keys.get("accuracy").apply(z));
        });
        keys.put("accuracy", z -> {
            LegendItemCollection key = new LegendItemCollection();
            styleLegend(key, z);
            key.add(ChartStyle.area(messages.get("chart.series.accuracyGap"), Palette.GAP));
            return key;
        });
        return ChartStyle.chart(plot, true, zoom.get());
    }

    private JFreeChart learningRateChart() {
        NumberAxis y = new NumberAxis(messages.get("chart.lr.axis"));
        y.setNumberFormatOverride(ChartStyle.shortNumbers());
        XYLineAndShapeRenderer planned = new XYLineAndShapeRenderer(true, false);
        planned.setSeriesPaint(0, Palette.PLANNED);
        XYLineAndShapeRenderer used = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(model.plannedLearningRate(), ChartStyle.epochAxis(messages.get("chart.epoch")), y, planned);
        plot.setDataset(1, model.learningRate());
        plot.setRenderer(1, used);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        restyles.add(() -> {
            double z = zoom.get();
            planned.setSeriesStroke(0, ChartStyle.dashed(z, 1.5f));
            List<ChartsModel.Overlay> runs = model.overlaysProperty().get();
            for (int i = 0; i < runs.size(); i++) {
                used.setSeriesPaint(i, Palette.run(runs.get(i).colorIndex()));
                used.setSeriesStroke(i, ChartStyle.solid(z, 2f));
            }
            plot.setFixedLegendItems(keys.get("lr").apply(z));
        });
        keys.put("lr", z -> {
            LegendItemCollection key = new LegendItemCollection();
            key.add(ChartStyle.line(messages.get("chart.series.used"), Palette.MUTED, ChartStyle.solid(z, 2f)));
            key.add(ChartStyle.line(messages.get("chart.series.planned"), Palette.PLANNED, ChartStyle.dashed(z, 1.5f)));
            return key;
        });
        return ChartStyle.chart(plot, true, zoom.get());
    }

    /** How to read the lines: solid for train, dashed for held-out, whatever the run's colour. */
    private void styleLegend(LegendItemCollection legend, double z) {
        legend.add(ChartStyle.line(messages.get("chart.series.train"), Palette.MUTED, ChartStyle.solid(z, 2f)));
        legend.add(ChartStyle.line(messages.get("chart.series.heldOut"), Palette.MUTED, ChartStyle.dashed(z, 2f)));
    }

    /** Series 2i (train) solid and 2i + 1 (held-out) dashed, both in run i's colour, with dots at each epoch. */
    private static void styleTrainAndHeldOut(XYLineAndShapeRenderer renderer, List<ChartsModel.Overlay> runs, double z) {
        double r = 3 * Math.sqrt(z);
        Shape dot = new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
        for (int i = 0; i < runs.size(); i++) {
            Color color = Palette.run(runs.get(i).colorIndex());
            renderer.setSeriesPaint(2 * i, color);
            renderer.setSeriesPaint(2 * i + 1, color);
            renderer.setSeriesStroke(2 * i, ChartStyle.solid(z, 2.5f));
            renderer.setSeriesStroke(2 * i + 1, ChartStyle.dashed(z, 2.5f));
            renderer.setSeriesShape(2 * i, dot);
            renderer.setSeriesShape(2 * i + 1, dot);
        }
    }

    /** Shades between series 0 and 1 of the gap dataset; its own lines are invisible (the run's lines draw them). */
    private static XYDifferenceRenderer gapRenderer(Color trainAbove, Color heldOutAbove) {
        XYDifferenceRenderer renderer = new XYDifferenceRenderer(trainAbove, heldOutAbove, false);
        renderer.setSeriesPaint(0, INVISIBLE);
        renderer.setSeriesPaint(1, INVISIBLE);
        return renderer;
    }
}
