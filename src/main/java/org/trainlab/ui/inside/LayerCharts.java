package org.trainlab.ui.inside;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.trainlab.experiment.inside.Histogram;
import org.trainlab.experiment.architecture.Architecture;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.LayerProbe;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.ChartStyle;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.theme.Fonts;
import org.trainlab.ui.theme.Palette;
import org.trainlab.experiment.text.Numbers;

/**
 * The layer-health charts, one row per layer (conv1 ... fc3) over the epochs up to the one shown:
 * the weight distribution as a heat strip (one column per epoch, darker where more weights are), the
 * activation mean, std and fraction of zeros, the gradient norm and the update:parameter ratio (log10,
 * with DL4J's rule of thumb of -3 marked); and the activation std of every layer at the epoch shown,
 * both runs on one plot. Built once for a set of runs and layers; {@link LayerRefresh} then refills
 * their datasets in place at each epoch's end, only while shown.
 */
final class LayerCharts {

    /** Bins of the heat strip's common grid; the engine's histograms are 41 bins symmetric about 0. */
    static final int BINS = 41;
    /** DL4J's rule of thumb for a healthy update:parameter ratio, as log10. */
    static final double HEALTHY_RATIO = -3;

    /**
     * One run's figures up to the epoch shown, and its colour.
     *
     * @param model its network, whose layers are the rows before its first epoch
     */
    record Series(String name, Color color, List<InsideEpoch> epochs, ModelSettings model) {
        static Series of(SessionRun run, InsideEpoch upTo) {
            List<InsideEpoch> all = run.inside();
            int n = upTo == null ? 0 : Math.min(all.size(), upTo.epoch());
            return new Series(run.name(), Palette.run(run.colorIndex()), all.subList(0, n), run.settings().model());
        }

        /**
         * The rows: the layers of its last epoch, or before the first one those its settings plan, so the
         * page is laid out once, before training, not again when the first figures come.
         */
        List<String> layers() {
            return epochs.isEmpty() ? Architecture.weightLayerNames(model) : epochs.get(epochs.size() - 1).layers().stream()
                    .map(LayerProbe::name).toList();
        }
    }

    private final Messages messages;
    private final double zoom;

    LayerCharts(Messages messages, double zoom) {
        this.messages = messages;
        this.zoom = zoom;
    }

    /** The weight distribution of each layer of one run over the epochs: a heat strip per layer. */
    JFreeChart weights(Series run) {
        NumberAxis epochAxis = epochAxis(run.epochs().size());
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(epochAxis);
        combined.setGap(4 * zoom);
        for (String layer : run.layers()) {
            Heat heat = heat(run, layer);
            HeatDataset data = new HeatDataset(layer);
            data.set(heat.xyz());
            double range = heat.range();
            double binWidth = 2 * range / BINS;
            XYBlockRenderer renderer = new ImageBlockRenderer();
            renderer.setBlockWidth(1);
            renderer.setBlockHeight(binWidth);
            renderer.setPaintScale(new HeatScale(run.color()));
            NumberAxis value = valueAxis(layer);
            value.setRange(-range, range);
            combined.add(subplot(data, value, renderer), 1);
        }
        return chart(combined, null);
    }

    /** One layer's heat strip: the half-width of its common grid and the (epoch, value, share) cells. */
    record Heat(double range, double[][] xyz) {
    }

    static Heat heat(Series run, String layer) {
        double range = 0;
        for (InsideEpoch e : run.epochs()) {
            LayerProbe p = e.layer(layer);
            if (p != null) {
                double[] edges = p.weights().edges();
                range = Math.max(range, Math.max(Math.abs(edges[0]), Math.abs(edges[edges.length - 1])));
            }
        }
        if (!(range > 0) || !Double.isFinite(range)) {
            range = 1;
        }
        double binWidth = 2 * range / BINS;
        int columns = run.epochs().size();
        double[] xs = new double[columns * BINS];
        double[] ys = new double[columns * BINS];
        double[] zs = new double[columns * BINS];
        for (int c = 0; c < columns; c++) {
            InsideEpoch e = run.epochs().get(c);
            LayerProbe p = e.layer(layer);
            double[] shares = p == null ? new double[BINS] : resample(p.weights(), -range, range, BINS);
            double top = 0;
            for (double v : shares) {
                top = Math.max(top, v);
            }
            for (int b = 0; b < BINS; b++) {
                int i = c * BINS + b;
                xs[i] = e.epoch();
                ys[i] = -range + (b + 0.5) * binWidth;
                // each epoch's column scaled to its own peak: the shape shows, however it narrows
                zs[i] = top == 0 ? 0 : shares[b] / top;
            }
        }
        return new Heat(range, new double[][] {xs, ys, zs});
    }

    /** Activation mean (dashed), std (solid) and fraction of zeros (dotted, right scale) per layer. */
    JFreeChart activations(List<Series> runs) {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(epochAxis(maxEpochs(runs)));
        combined.setGap(4 * zoom);
        for (String layer : layers(runs)) {
            XYSeriesCollection values = new XYSeriesCollection();
            XYSeriesCollection zeros = new XYSeriesCollection();
            XYLineAndShapeRenderer lines = ChartStyle.lines(false);
            XYLineAndShapeRenderer zeroLines = ChartStyle.lines(false);
            for (int r = 0; r < runs.size(); r++) {
                Series run = runs.get(r);
                XYSeries mean = new XYSeries(run.name() + " mean", false, true);
                XYSeries std = new XYSeries(run.name() + " std", false, true);
                XYSeries zero = new XYSeries(run.name() + " zero", false, true);
                for (InsideEpoch e : run.epochs()) {
                    LayerProbe p = e.layer(layer);
                    if (p != null) {
                        mean.add(e.epoch(), finite(p.activationMean()));
                        std.add(e.epoch(), finite(p.activationStd()));
                        zero.add(e.epoch(), finite(p.zeroFraction()));
                    }
                }
                values.addSeries(std);
                values.addSeries(mean);
                zeros.addSeries(zero);
                lines.setSeriesPaint(2 * r, run.color());
                lines.setSeriesStroke(2 * r, ChartStyle.solid(zoom, 2f));
                lines.setSeriesPaint(2 * r + 1, run.color());
                lines.setSeriesStroke(2 * r + 1, ChartStyle.dashed(zoom, 1.5f));
                zeroLines.setSeriesPaint(r, Palette.faint(run.color(), 0x99));
                zeroLines.setSeriesStroke(r, dotted());
            }
            NumberAxis value = valueAxis(layer);
            value.setAutoRangeIncludesZero(true);
            XYPlot plot = subplot(values, value, lines);
            NumberAxis share = new NumberAxis();
            share.setRange(0, 1);
            share.setTickLabelsVisible(false);
            share.setTickMarksVisible(false);
            plot.setRangeAxis(1, share);
            plot.setDataset(1, zeros);
            plot.setRenderer(1, zeroLines);
            plot.mapDatasetToRangeAxis(1, 1);
            combined.add(plot, 1);
        }
        LegendItemCollection key = new LegendItemCollection();
        key.add(ChartStyle.line(messages.get("inside.layers.std"), Palette.MUTED, ChartStyle.solid(zoom, 2f)));
        key.add(ChartStyle.line(messages.get("inside.layers.mean"), Palette.MUTED, ChartStyle.dashed(zoom, 1.5f)));
        key.add(ChartStyle.line(messages.get("inside.layers.zeros"), Palette.MUTED, dotted()));
        return chart(combined, key);
    }

    /** log10 of the gradient norm (dashed) and of the update:parameter ratio (solid), -3 marked. */
    JFreeChart gradients(List<Series> runs) {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(epochAxis(maxEpochs(runs)));
        combined.setGap(4 * zoom);
        for (String layer : layers(runs)) {
            XYSeriesCollection values = new XYSeriesCollection();
            XYLineAndShapeRenderer lines = ChartStyle.lines(true);
            for (int r = 0; r < runs.size(); r++) {
                Series run = runs.get(r);
                XYSeries ratio = new XYSeries(run.name() + " ratio", false, true);
                XYSeries norm = new XYSeries(run.name() + " norm", false, true);
                for (InsideEpoch e : run.epochs()) {
                    LayerProbe p = e.layer(layer);
                    if (p != null) {
                        ratio.add(e.epoch(), finite(p.log10UpdateRatio()));
                        norm.add(e.epoch(), p.gradientNorm() > 0 ? Math.log10(p.gradientNorm()) : Double.NaN);
                    }
                }
                values.addSeries(ratio);
                values.addSeries(norm);
                lines.setSeriesPaint(2 * r, run.color());
                lines.setSeriesStroke(2 * r, ChartStyle.solid(zoom, 2f));
                lines.setSeriesPaint(2 * r + 1, run.color());
                lines.setSeriesStroke(2 * r + 1, ChartStyle.dashed(zoom, 1.5f));
                double d = 2.5 * Math.sqrt(zoom);
                lines.setSeriesShape(2 * r, new java.awt.geom.Ellipse2D.Double(-d, -d, 2 * d, 2 * d));
                lines.setSeriesShapesVisible(2 * r + 1, false);
            }
            NumberAxis value = valueAxis(layer);
            value.setAutoRangeIncludesZero(false);
            XYPlot plot = subplot(values, value, lines);
            ValueMarker healthy = new ValueMarker(HEALTHY_RATIO, Palette.PLANNED, ChartStyle.dashed(zoom, 1f));
            healthy.setLabel("-3");
            healthy.setLabelFont(Fonts.chart(false, (float) (9 * zoom)));
            healthy.setLabelPaint(Palette.MUTED);
            healthy.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            healthy.setLabelAnchor(RectangleAnchor.LEFT);
            healthy.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(healthy);
            // the marked line stays in view even when every ratio is far from it
            value.setAutoRangeIncludesZero(false);
            combined.add(plot, 1);
        }
        LegendItemCollection key = new LegendItemCollection();
        key.add(ChartStyle.line(messages.get("inside.layers.ratio"), Palette.MUTED, ChartStyle.solid(zoom, 2f)));
        key.add(ChartStyle.line(messages.get("inside.layers.gradient"), Palette.MUTED, ChartStyle.dashed(zoom, 1.5f)));
        return chart(combined, key);
    }

    /** The activation std of every layer, input to output, at the epoch shown; one line per run, log scale. */
    JFreeChart stdPerLayer(List<Series> runs) {
        List<String> layers = layers(runs);
        SymbolAxis x = new SymbolAxis(messages.get("inside.layers.layer"), layers.toArray(String[]::new));
        x.setGridBandsVisible(false);
        LogAxis y = new LogAxis(messages.get("inside.layers.std"));
        y.setSmallestValue(1e-8);
        y.setNumberFormatOverride(twoDigits());
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = ChartStyle.lines(true);
        for (int r = 0; r < runs.size(); r++) {
            Series run = runs.get(r);
            XYSeries std = new XYSeries(run.name(), false, true);
            if (!run.epochs().isEmpty()) {
                InsideEpoch last = run.epochs().get(run.epochs().size() - 1);
                for (int i = 0; i < layers.size(); i++) {
                    LayerProbe p = last.layer(layers.get(i));
                    if (p != null && p.activationStd() > 0) {
                        std.add(i, p.activationStd());
                    }
                }
            }
            data.addSeries(std);
            lines.setSeriesPaint(r, run.color());
            lines.setSeriesStroke(r, ChartStyle.solid(zoom, 2.5f));
            double d = 3 * Math.sqrt(zoom);
            lines.setSeriesShape(r, new java.awt.geom.Ellipse2D.Double(-d, -d, 2 * d, 2 * d));
        }
        XYPlot plot = new XYPlot(data, x, y, lines);
        LegendItemCollection key = new LegendItemCollection();
        for (Series run : runs) {
            key.add(ChartStyle.line(run.name(), run.color(), ChartStyle.solid(zoom, 2.5f)));
        }
        plot.setFixedLegendItems(key);
        return ChartStyle.chart(plot, true, zoom);
    }

    /**
     * A histogram's counts spread over a common grid of {@code bins} from {@code lo} to {@code hi}, each
     * bin's count shared by overlap, as shares of the layer's weights: epochs with different ranges line up.
     */
    static double[] resample(Histogram h, double lo, double hi, int bins) {
        double[] out = new double[bins];
        double[] edges = h.edges();
        long[] counts = h.counts();
        double total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return out;
        }
        double width = (hi - lo) / bins;
        for (int i = 0; i < counts.length; i++) {
            double a = edges[i];
            double b = edges[i + 1];
            if (counts[i] == 0 || !(b > a)) {
                continue;
            }
            int first = (int) Math.max(0, Math.floor((a - lo) / width));
            int last = (int) Math.min(bins - 1, Math.floor((b - lo) / width));
            for (int k = first; k <= last; k++) {
                double from = Math.max(a, lo + k * width);
                double to = Math.min(b, lo + (k + 1) * width);
                if (to > from) {
                    out[k] += counts[i] * (to - from) / (b - a) / total;
                }
            }
        }
        return out;
    }

    /** Tick labels with two significant digits (0.63, 0.0025, 1e-05), for the log axis. */
    private static java.text.NumberFormat twoDigits() {
        return new java.text.NumberFormat() {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
                double rounded = number == 0 ? 0 : new java.math.BigDecimal(number)
                        .round(new java.math.MathContext(2)).doubleValue();
                return to.append(Numbers.format(rounded));
            }

            @Override
            public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition pos) {
                return to.append(number);
            }

            @Override
            public Number parse(String source, java.text.ParsePosition position) {
                return null;
            }
        };
    }

    static List<String> layers(List<Series> runs) {
        List<String> names = new ArrayList<>();
        for (Series s : runs) {
            for (String l : s.layers()) {
                if (!names.contains(l)) {
                    names.add(l);
                }
            }
        }
        return names;
    }

    static int maxEpochs(List<Series> runs) {
        return runs.stream().mapToInt(s -> s.epochs().size()).max().orElse(0);
    }

    static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private BasicStroke dotted() {
        float w = (float) (1.5 * Math.sqrt(zoom));
        return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {w, 3 * w}, 0f);
    }

    private NumberAxis epochAxis(int epochs) {
        NumberAxis axis = ChartStyle.epochAxis(messages.get("chart.epoch"));
        axis.setRange(0.5, Math.max(1, epochs) + 0.5);
        return axis;
    }

    private NumberAxis valueAxis(String layer) {
        NumberAxis axis = new NumberAxis(layer);
        axis.setNumberFormatOverride(ChartStyle.shortNumbers());
        axis.setTickLabelFont(Fonts.chart(false, (float) (9 * zoom)));
        return axis;
    }

    private XYPlot subplot(org.jfree.data.xy.XYDataset data, NumberAxis range,
                           org.jfree.chart.renderer.xy.XYItemRenderer renderer) {
        XYPlot plot = new XYPlot(data, null, range, renderer);
        plot.setBackgroundPaint(Palette.BACKGROUND);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlinePaint(Palette.GRID);
        return plot;
    }

    private JFreeChart chart(CombinedDomainXYPlot combined, LegendItemCollection key) {
        combined.setFixedLegendItems(key);
        JFreeChart chart = ChartStyle.chart(combined, key != null, zoom);
        for (Object o : combined.getSubplots()) {
            XYPlot sub = (XYPlot) o;
            sub.getRangeAxis().setTickLabelFont(Fonts.chart(false, (float) (9 * zoom)));
            sub.getRangeAxis().setLabelFont(Fonts.chart(true, (float) (10 * zoom)));
            sub.getRangeAxis().setLabelPaint(Palette.TEXT);
            sub.getRangeAxis().setTickLabelPaint(Palette.MUTED);
        }
        return chart;
    }

    /** White to the run's colour; values 0 to 1. */
    private record HeatScale(Color color) implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            // square root: the thin tails (the weights L1 leaves away from zero) still show
            return Draw.blend(color, Math.sqrt(Math.max(0, Math.min(1, value))));
        }
    }
}
