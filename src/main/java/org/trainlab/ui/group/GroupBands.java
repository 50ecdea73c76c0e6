package org.trainlab.ui.group;

import java.awt.Color;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableDoubleValue;
import javafx.util.Subscription;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.trainlab.ui.charts.ChartStyle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.session.Groups;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.theme.Palette;

/**
 * The bands of groups of seeds on the loss and accuracy charts: around each group's held-out mean (which
 * the charts draw as the group's line), ± one standard deviation over the seeds or from the lowest to the
 * highest seed, and on request each seed's held-out curve as a faint line. It adds two datasets of its own
 * to each of those plots, behind the runs' lines, so the charts themselves need not know about groups.
 */
public final class GroupBands {

    /** Dataset indices in the charts' plots, after theirs. */
    private static final int BAND_INDEX = 20;
    private static final int SEEDS_INDEX = 21;
    private static final int BAND_ALPHA = 0x40;
    private static final int SEED_ALPHA = 0x50;

    /** One epoch of a group: the x position and the held-out figures over its seeds. */
    public record Stat(double x, double mean, double sd, double min, double max) {
    }

    /** One point of one seed's curve. */
    public record Point(double x, double y) {
    }

    /** A group on the charts: held-out accuracy and loss per epoch, and each seed's curves. */
    public record Band(String unitId, int colorIndex, List<Stat> accuracy, List<Stat> loss,
                       List<List<Point>> seedAccuracy, List<List<Point>> seedLoss) {

        static Band of(Groups.Unit unit) {
            int most = unit.members().stream().mapToInt(r -> r.epochs().size()).max().orElse(0);
            List<Stat> acc = new ArrayList<>(most);
            List<Stat> loss = new ArrayList<>(most);
            // the seeds' values at one epoch, reused from epoch to epoch: the bands are made again at every
            // epoch's end of every seed, and boxed values were the FX thread's largest allocation with 25 runs
            double[] a = new double[unit.members().size()];
            double[] l = new double[a.length];
            for (int e = 0; e < most; e++) {
                int n = 0;
                for (SessionRun r : unit.members()) {
                    if (r.epochs().size() > e) {
                        EpochMetrics m = r.epochs().get(e);
                        a[n] = m.testAccuracy();
                        l[n] = m.testLoss();
                        n++;
                    }
                }
                acc.add(stat(e + 1, a, n));
                loss.add(stat(e + 1, l, n));
            }
            List<List<Point>> seedAcc = new ArrayList<>();
            List<List<Point>> seedLoss = new ArrayList<>();
            for (SessionRun r : unit.members()) {
                seedAcc.add(r.epochs().stream().map(m -> new Point(m.epoch(), m.testAccuracy())).toList());
                seedLoss.add(r.epochs().stream().map(m -> new Point(m.epoch(), m.testLoss())).toList());
            }
            return new Band(unit.id(), unit.colorIndex(), acc, loss, seedAcc, seedLoss);
        }

        /** Mean, sample standard deviation, min and max of the finite ones of the first {@code n} values. */
        static Stat stat(double x, double[] values, int n) {
            DoubleSummaryStatistics finite = new DoubleSummaryStatistics();
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(values[i])) {
                    finite.accept(values[i]);
                }
            }
            if (finite.getCount() == 0) {
                return new Stat(x, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double mean = finite.getAverage();
            double ss = 0;
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(values[i])) {
                    ss += (values[i] - mean) * (values[i] - mean);
                }
            }
            double sd = finite.getCount() > 1 ? Math.sqrt(ss / (finite.getCount() - 1)) : 0;
            return new Stat(x, mean, sd, finite.getMin(), finite.getMax());
        }
    }

    private final Grouping grouping;
    private final ObservableDoubleValue zoom;
    private final List<Layer> layers = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    private record Layer(JFreeChart chart, boolean accuracy, YIntervalSeriesCollection bands, DeviationRenderer bandRenderer,
                         XYSeriesCollection seeds, XYLineAndShapeRenderer seedRenderer) {
    }

    /**
     * Adds the bands to the "loss" and "accuracy" charts of {@code charts} (by id, as the charts view
     * names them) and keeps them up to date; {@link #dispose()} stops that.
     */
    public static GroupBands attach(Map<String, JFreeChart> charts, Grouping grouping, ObservableDoubleValue zoom) {
        GroupBands bands = new GroupBands(grouping, zoom);
        bands.add(charts.get("loss"), false);
        bands.add(charts.get("accuracy"), true);
        bands.subscriptions.add(grouping.bandsProperty().subscribe(b -> bands.redraw()));
        bands.subscriptions.add(grouping.minMaxProperty().subscribe(b -> bands.redraw()));
        bands.subscriptions.add(grouping.showSeedsProperty().subscribe(b -> bands.redraw()));
        bands.subscriptions.add(zoom.subscribe(z -> bands.redraw()));
        bands.subscriptions.add(grouping.replayedProperty().subscribe(r -> bands.redraw()));
        return bands;
    }

    private GroupBands(Grouping grouping, ObservableDoubleValue zoom) {
        this.grouping = grouping;
        this.zoom = zoom;
    }

    private void add(JFreeChart chart, boolean accuracy) {
        if (chart == null) {
            return;
        }
        XYPlot plot = chart.getXYPlot();
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        XYSeriesCollection seeds = new XYSeriesCollection();
        XYLineAndShapeRenderer seedRenderer = ChartStyle.lines(false);
        chart.setNotify(false);
        plot.setDataset(BAND_INDEX, bands);
        plot.setRenderer(BAND_INDEX, bandRenderer);
        plot.setDataset(SEEDS_INDEX, seeds);
        plot.setRenderer(SEEDS_INDEX, seedRenderer);
        chart.setNotify(true);
        layers.add(new Layer(chart, accuracy, bands, bandRenderer, seeds, seedRenderer));
    }

    /** Rebuilds the bands and seed lines from the grouping's bands, then redraws each chart once. */
    private void redraw() {
        List<Band> all = grouping.bandsProperty().get();
        boolean range = grouping.minMaxProperty().get();
        boolean seedLines = grouping.showSeedsProperty().get();
        Map<String, Integer> replayed = grouping.replayedProperty().get();
        float z = (float) zoom.get();
        for (Layer layer : layers) {
            layer.chart().setNotify(false);
            try {
                layer.bands().removeAllSeries();
                layer.seeds().removeAllSeries();
                int seedSeries = 0;
                for (int i = 0; i < all.size(); i++) {
                    Band band = all.get(i);
                    // while its mean replays, a band goes as far as the mean's line has
                    double last = replayed.getOrDefault(Grouping.MEAN_PREFIX + band.unitId(), Integer.MAX_VALUE);
                    YIntervalSeries series = new YIntervalSeries(band.unitId() + "/band", false, true);
                    for (Stat s : layer.accuracy() ? band.accuracy() : band.loss()) {
                        if (Double.isFinite(s.mean()) && s.x() <= last) {
                            series.add(s.x(), s.mean(), range ? s.min() : s.mean() - s.sd(),
                                    range ? s.max() : s.mean() + s.sd());
                        }
                    }
                    layer.bands().addSeries(series);
                    Color color = Palette.run(band.colorIndex());
                    layer.bandRenderer().setSeriesPaint(i, new Color(0, 0, 0, 0));
                    layer.bandRenderer().setSeriesFillPaint(i, Palette.faint(color, BAND_ALPHA));
                    layer.bandRenderer().setSeriesStroke(i, new BasicStroke(0f));
                    if (seedLines) {
                        List<List<Point>> curves = layer.accuracy() ? band.seedAccuracy() : band.seedLoss();
                        for (int k = 0; k < curves.size(); k++) {
                            XYSeries line = new XYSeries(band.unitId() + "/seed" + k, false, true);
                            curves.get(k).stream().filter(p -> Double.isFinite(p.y()) && p.x() <= last)
                                    .forEach(p -> line.add(p.x(), p.y()));
                            layer.seeds().addSeries(line);
                            layer.seedRenderer().setSeriesPaint(seedSeries, Palette.faint(color, SEED_ALPHA));
                            layer.seedRenderer().setSeriesStroke(seedSeries, new BasicStroke(1.2f * z));
                            seedSeries++;
                        }
                    }
                }
                layer.bandRenderer().setAlpha(1f);
            } finally {
                layer.chart().setNotify(true);
            }
        }
    }

    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }
}
