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
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
import org.jfree.data.xy.XYSeriesCollection;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.theme.Fonts;
import org.trainlab.ui.theme.MeasuringGraphics;
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
    /** The raw batches behind their smoothed curve, and the smoothed curve. */
    private static final int RAW_ALPHA = 0x30;
    private static final int SMOOTHED_ALPHA = 0xB0;
    /** A group's seed while it trains, under the group's mean. */
    private static final int SEED_ALPHA = 0x70;
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
    private final ChartOptions options;
    private final List<TimedDataset> timed = new ArrayList<>();
    private VBox root;
    private ChartLegend legend;
    private MarkerLayer markerLayer;
    private LossAxis lossAxis;
    private XYPlot lossPlot;
    private final List<ValueMarker> divergedMarkers = new ArrayList<>();

    public ChartsView(ChartsModel model, Messages messages, ObservableDoubleValue zoom) {
        this.model = model;
        this.messages = messages;
        this.zoom = zoom;
        this.options = model.options();
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
            if (o.faint() || options.isHidden(o.runId())) {
                continue;
            }
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
        ChartToolbar tools = new ChartToolbar(options, messages);
        grid.add(card("loss", lossChart(), tools.lossTools()), 0, 0);
        grid.add(card("accuracy", accuracyChart(), null), 1, 0);
        grid.add(card("lr", learningRateChart(), tools.axisTools()), 0, 1, 2, 1);
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
        legend = new ChartLegend(messages, options);
        markerLayer = new MarkerLayer(model, messages, charts, zoom::get);
        root = new VBox(legend.node(), grid);
        root.getStyleClass().add("charts-area");
        root.setMinHeight(0);
        VBox.setVgrow(grid, Priority.ALWAYS);
    }

    private void initListeners() {
        subscriptions.add(model.epochsProperty().subscribe(epochs -> quietly(this::fitAxes)));
        subscriptions.add(options.xUnitProperty().subscribe(unit -> quietly(this::fitAxes)));
        subscriptions.add(options.logLossProperty().subscribe(log -> quietly(() -> {
            if (lossAxis.use(lossPlot, log)) {
                ChartStyle.applyZoom(charts.get("loss"), zoom.get());
            }
            lossAxis.fit(lossPlot, model);
        })));
        subscriptions.add(options.smoothingProperty().subscribe(w -> quietly(this::restyle)));
        subscriptions.add(model.markersProperty().subscribe(m -> quietly(markerLayer::update)));
        javafx.collections.SetChangeListener<String> onHidden = c -> {
            quietly(this::fitAxes);
            legend.markHidden();
        };
        options.hidden().addListener(onHidden);
        subscriptions.add(() -> options.hidden().removeListener(onHidden));
        subscriptions.add(zoom.subscribe(z -> quietly(() -> {
            restyle();
            charts.values().forEach(chart -> ChartStyle.applyZoom(chart, z.doubleValue()));
            markDivergences();
            markerLayer.update();
        })));
        subscriptions.add(model.changesProperty().subscribe(this::redraw));
        subscriptions.add(model.changesProperty().subscribe(c -> refreshMarkers()));
        subscriptions.add(model.overlaysProperty().subscribe(o -> {
            quietly(this::restyle);
            refreshMarkers();
            legend.fill(o);
        }));
        subscriptions.add(model.divergencesProperty().subscribe(d -> quietly(this::markDivergences)));
    }

    /**
     * Makes changes to the charts' styles without a redraw per change (a viewer redraws at once on every
     * change it hears of), then redraws each chart once.
     */
    /** The event markers again when the runs marked or their events changed; nothing is redrawn otherwise. */
    private void refreshMarkers() {
        if (markerLayer.stale()) {
            quietly(markerLayer::update);
        }
    }

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
                shows = change.datasets().contains(TimedDataset.source(plot.getDataset(i)));
            }
            if (!shows) {
                continue;
            }
            chart.setNotify(false);
            if (options.xUnitProperty().get() == ChartOptions.XUnit.SECONDS) {
                XAxes.apply((NumberAxis) plot.getDomainAxis(), model, messages);
            }
            plot.configureRangeAxes();
            if (plot == lossPlot) {
                lossAxis.fit(plot, model);
            }
            chart.setNotify(true);
        }
    }

    private void restyle() {
        restyles.forEach(Runnable::run);
    }

    /**
     * The x axes in the unit chosen, spanning the runs shown, then the y axes fitted to the points within
     * (also the context menu's "whole run"), the markers where the unit puts them, the hidden runs hidden.
     */
    private void fitAxes() {
        timed.forEach(t -> t.setUnit(options.xUnitProperty().get()));
        for (JFreeChart chart : charts.values()) {
            XAxes.apply((NumberAxis) chart.getXYPlot().getDomainAxis(), model, messages);
            chart.getXYPlot().configureRangeAxes();
        }
        lossAxis.fit(lossPlot, model);
        restyle();
        markDivergences();
        markerLayer.update();
    }

    /** The model's dataset as the charts show it, in the x unit chosen. */
    private TimedDataset timed(XYSeriesCollection dataset) {
        TimedDataset t = new TimedDataset(dataset, model::extras);
        timed.add(t);
        return t;
    }

    /** A dashed line in the run's colour where its loss stopped being a number. */
    private void markDivergences() {
        divergedMarkers.forEach(lossPlot::removeDomainMarker);
        divergedMarkers.clear();
        for (ChartsModel.Divergence d : model.divergencesProperty().get()) {
            double x = options.xUnitProperty().get() == ChartOptions.XUnit.EPOCHS ? d.x()
                    : model.extras(d.runId()).toUnit(d.x(), ChartOptions.XUnit.SECONDS);
            // a group's seed in training is hidden with its group
            String shownAs = model.overlaysProperty().get().stream().filter(o -> o.runId().equals(d.runId()))
                    .map(ChartsModel.Overlay::shownAs).findFirst().orElse(d.runId());
            if (options.isHidden(shownAs) || !Double.isFinite(x)) {
                continue;
            }
            Color color = Palette.run(d.colorIndex());
            ValueMarker marker = new ValueMarker(x, color, ChartStyle.dashed(zoom.get(), 1.5f));
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

    private VBox card(String id, JFreeChart chart, Node tools) {
        charts.put(id, chart);
        Label title = new Label(messages.get("chart." + id + ".title"));
        title.getStyleClass().add("chart-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = tools == null ? new HBox(title) : new HBox(title, tools);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (tools != null) {
            HBox.setHgrow(tools, Priority.ALWAYS);
        }
        ChartViewer viewer = new ChartViewer(chart);
        MeasuringGraphics.install(viewer.getCanvas());
        ShownCharts.drawWhileShown(viewer);
        viewer.setId("chart-" + id);
        viewer.setMinSize(120, 60);
        ChartMenu.install(viewer, messages, () -> quietly(this::fitAxes), () -> exportHandler.accept(id, "png"),
                () -> exportHandler.accept(id, "svg"));
        Node shown = new HoverOverlay(id, viewer, model, messages).node();
        VBox.setVgrow(shown, Priority.ALWAYS);
        VBox card = new VBox(head, shown);
        card.getStyleClass().add("chart-card");
        card.setMinSize(0, 0);
        return card;
    }

    private JFreeChart lossChart() {
        lossAxis = new LossAxis(messages.get("chart.loss.axis"));
        XYDifferenceRenderer gap = gapRenderer(Palette.REVERSE_GAP, Palette.GAP);
        XYLineAndShapeRenderer batches = ChartStyle.lines(false);
        XYLineAndShapeRenderer smoothed = ChartStyle.lines(false);
        XYLineAndShapeRenderer epochs = ChartStyle.lines(true);
        lossPlot = new XYPlot(timed(model.lossGap()), ChartStyle.epochAxis(messages.get("chart.epoch")),
                lossAxis.linear(), gap);
        lossPlot.setDataset(1, timed(model.batchLoss()));
        lossPlot.setRenderer(1, batches);
        lossPlot.setDataset(2, timed(model.smoothedLoss()));
        lossPlot.setRenderer(2, smoothed);
        lossPlot.setDataset(3, timed(model.epochLoss()));
        lossPlot.setRenderer(3, epochs);
        // the shaded gap behind, then the faint batches and their smoothed curve, then the bold epoch curves
        lossPlot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        // the epoch curves set the scale (see LossAxis), refitted at every redraw
        lossAxis.fit(lossPlot, model);
        restyles.add(() -> {
            double z = zoom.get();
            boolean smoothing = options.smoothing() > 0;
            List<ChartsModel.Overlay> runs = model.overlaysProperty().get();
            for (int i = 0; i < runs.size(); i++) {
                Color color = Palette.run(runs.get(i).colorIndex());
                boolean shown = !options.isHidden(runs.get(i).shownAs());
                // smoothed, the raw batches stay behind it, fainter
                batches.setSeriesPaint(i, Palette.faint(color, smoothing ? RAW_ALPHA : BATCH_ALPHA));
                batches.setSeriesStroke(i, ChartStyle.solid(z, 1f));
                batches.setSeriesVisible(i, shown, false);
                smoothed.setSeriesPaint(i, Palette.faint(color, SMOOTHED_ALPHA));
                smoothed.setSeriesStroke(i, ChartStyle.solid(z, 1.5f));
                smoothed.setSeriesVisible(i, shown && smoothing, false);
            }
            styleTrainAndHeldOut(epochs, runs, z);
            showGap(gap, Palette.REVERSE_GAP, Palette.GAP);
            lossPlot.setFixedLegendItems(keys.get("loss").apply(z));
        });
        keys.put("loss", z -> {
            LegendItemCollection key = new LegendItemCollection();
            key.add(ChartStyle.line(messages.get("chart.series.batch"), Palette.faint(Palette.MUTED, 0x70), ChartStyle.solid(z, 1.5f)));
            if (options.smoothing() > 0) {
                key.add(ChartStyle.line(messages.get("chart.hover.smoothed"), Palette.MUTED, ChartStyle.solid(z, 1.5f)));
            }
            styleLegend(key, z);
            key.add(ChartStyle.area(messages.get("chart.series.lossGap"), Palette.GAP));
            return key;
        });
        return ChartStyle.chart(lossPlot, true, zoom.get());
    }

    private JFreeChart accuracyChart() {
        NumberAxis y = new NumberAxis(messages.get("chart.accuracy.axis"));
        y.setAutoRangeIncludesZero(false);
        NumberFormat percent = NumberFormat.getPercentInstance(messages.locale());
        percent.setMaximumFractionDigits(1);
        y.setNumberFormatOverride(percent);
        XYDifferenceRenderer gap = gapRenderer(Palette.GAP, Palette.REVERSE_GAP);
        XYLineAndShapeRenderer lines = ChartStyle.lines(true);
        XYPlot plot = new XYPlot(timed(model.accuracyGap()), ChartStyle.epochAxis(messages.get("chart.epoch")), y, gap);
        plot.setDataset(1, timed(model.accuracy()));
        plot.setRenderer(1, lines);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        restyles.add(() -> {
            double z = zoom.get();
            List<ChartsModel.Overlay> runs = model.overlaysProperty().get();
            styleTrainAndHeldOut(lines, runs, z);
            showGap(gap, Palette.GAP, Palette.REVERSE_GAP);
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
        XYLineAndShapeRenderer planned = ChartStyle.lines(false);
        planned.setSeriesPaint(0, Palette.PLANNED);
        XYLineAndShapeRenderer used = ChartStyle.lines(false);
        XYPlot plot = new XYPlot(timed(model.plannedLearningRate()), ChartStyle.epochAxis(messages.get("chart.epoch")), y,
                planned);
        plot.setDataset(1, timed(model.learningRate()));
        plot.setRenderer(1, used);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        restyles.add(() -> {
            double z = zoom.get();
            planned.setSeriesStroke(0, ChartStyle.dashed(z, 1.5f));
            planned.setSeriesVisible(0, lightShown(), false);
            List<ChartsModel.Overlay> runs = model.overlaysProperty().get();
            for (int i = 0; i < runs.size(); i++) {
                ChartsModel.Overlay run = runs.get(i);
                used.setSeriesPaint(i, run.faint() ? Palette.faint(Palette.run(run.colorIndex()), SEED_ALPHA)
                        : Palette.run(run.colorIndex()));
                used.setSeriesStroke(i, ChartStyle.solid(z, run.faint() ? 1.2f : 2f));
                used.setSeriesVisible(i, !options.isHidden(run.shownAs()), false);
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

    /** Whether the highlighted run, whose gap and plan are drawn, is shown. */
    private boolean lightShown() {
        return model.highlightedProperty().get() != null && !options.isHidden(model.highlightedProperty().get());
    }

    /** Shades the highlighted run's gap in these colours, or not at all while the run is hidden. */
    private void showGap(XYDifferenceRenderer gap, Color trainAbove, Color heldOutAbove) {
        gap.setPositivePaint(lightShown() ? trainAbove : INVISIBLE);
        gap.setNegativePaint(lightShown() ? heldOutAbove : INVISIBLE);
    }

    /**
     * Series 2i (train) solid and 2i + 1 (held-out) dashed, both in run i's colour, with dots at each epoch; a
     * group's seed in training thin and faint, without dots, under its group's mean.
     */
    private void styleTrainAndHeldOut(XYLineAndShapeRenderer renderer, List<ChartsModel.Overlay> runs, double z) {
        double r = 3 * Math.sqrt(z);
        Shape dot = new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
        for (int i = 0; i < runs.size(); i++) {
            ChartsModel.Overlay run = runs.get(i);
            Color color = run.faint() ? Palette.faint(Palette.run(run.colorIndex()), SEED_ALPHA) : Palette.run(run.colorIndex());
            float width = run.faint() ? 1.2f : 2.5f;
            for (int k = 2 * i; k <= 2 * i + 1; k++) {
                renderer.setSeriesPaint(k, color);
                renderer.setSeriesStroke(k, k == 2 * i ? ChartStyle.solid(z, width) : ChartStyle.dashed(z, width));
                renderer.setSeriesShape(k, dot);
                renderer.setSeriesShapesVisible(k, !run.faint());
                renderer.setSeriesVisible(k, !options.isHidden(run.shownAs()), false);
            }
        }
    }

    /** Shades between series 0 and 1 of the gap dataset; its own lines are invisible (the run's lines draw them). */
    private static XYDifferenceRenderer gapRenderer(Color trainAbove, Color heldOutAbove) {
        XYDifferenceRenderer renderer = new GapRenderer(trainAbove, heldOutAbove);
        renderer.setSeriesPaint(0, INVISIBLE);
        renderer.setSeriesPaint(1, INVISIBLE);
        return renderer;
    }
}
