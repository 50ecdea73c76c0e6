package org.trainlab.ui.charts;

import java.util.ArrayList;
import java.util.List;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * What the mouse points at on a chart: for every run shown and not hidden, its exact figures at that
 * moment, one row each. The epoch figures are those of the epoch nearest the pointer; the per-batch
 * loss and the learning rate are the points nearest it. With the x axis in seconds, each run's own
 * clock says which epoch that moment was for it.
 */
public final class HoverTable {

    /** Column keys (message keys) of each chart's table. */
    static final String BATCH = "chart.series.batch";
    static final String SMOOTHED = "chart.hover.smoothed";
    static final String TRAIN = "chart.series.train";
    static final String HELD_OUT = "chart.series.heldOut";
    static final String USED = "chart.series.used";

    /** A batch point further than this (in epochs) from the pointer is not "at" it. */
    private static final double NEAR = 0.5;

    /**
     * @param epoch  the epoch the row's epoch figures belong to; 0 when the run has no time there
     * @param values one per column; NaN where the run has no figure
     */
    public record Row(String runId, String label, int colorIndex, int epoch, List<Double> values) {
    }

    /** @param columns message keys, one per value */
    public record Table(String chartId, double x, List<String> columns, List<Row> rows) {
    }

    private HoverTable() {
    }

    /** The table of chart {@code chartId} ("loss", "accuracy", "lr") at {@code x} in the charts' x unit. */
    public static Table at(ChartsModel model, String chartId, double x) {
        ChartOptions options = model.options();
        boolean smoothing = options.smoothing() > 0;
        List<String> columns = switch (chartId) {
            case "loss" -> smoothing ? List.of(BATCH, SMOOTHED, TRAIN, HELD_OUT) : List.of(BATCH, TRAIN, HELD_OUT);
            case "accuracy" -> List.of(TRAIN, HELD_OUT);
            default -> List.of(USED);
        };
        List<Row> rows = new ArrayList<>();
        List<ChartsModel.Overlay> runs = model.overlaysProperty().get();
        for (int i = 0; i < runs.size(); i++) {
            ChartsModel.Overlay o = runs.get(i);
            if (options.isHidden(o.shownAs())) {
                continue;
            }
            RunExtras extras = model.extras(o.runId());
            double runX = extras == null ? Double.NaN : extras.fromUnit(x, options.xUnitProperty().get());
            int epoch = Double.isFinite(runX) ? Math.max(1, (int) Math.round(runX)) : 0;
            List<Double> values = new ArrayList<>(columns.size());
            for (String column : columns) {
                values.add(switch (chartId + ":" + column) {
                    case "loss:" + BATCH -> nearest(model.batchLoss(), i, runX);
                    case "loss:" + SMOOTHED -> nearest(model.smoothedLoss(), i, runX);
                    case "loss:" + TRAIN -> atEpoch(model.epochLoss(), 2 * i, epoch);
                    case "loss:" + HELD_OUT -> atEpoch(model.epochLoss(), 2 * i + 1, epoch);
                    case "accuracy:" + TRAIN -> atEpoch(model.accuracy(), 2 * i, epoch);
                    case "accuracy:" + HELD_OUT -> atEpoch(model.accuracy(), 2 * i + 1, epoch);
                    default -> nearest(model.learningRate(), i, runX);
                });
            }
            rows.add(new Row(o.runId(), o.label(), o.colorIndex(), epoch, List.copyOf(values)));
        }
        return new Table(chartId, x, columns, List.copyOf(rows));
    }

    /** Series {@code index}'s y at the epoch's end, NaN when the run has not finished that epoch. */
    private static double atEpoch(XYSeriesCollection dataset, int index, int epoch) {
        if (epoch < 1 || index >= dataset.getSeriesCount()) {
            return Double.NaN;
        }
        XYSeries s = dataset.getSeries(index);
        int at = s.indexOf((double) epoch);
        return at < 0 ? Double.NaN : s.getY(at).doubleValue();
    }

    /** The y of series {@code index}'s point nearest {@code x} (points sorted by x), if near enough. */
    private static double nearest(XYSeriesCollection dataset, int index, double x) {
        if (!Double.isFinite(x) || index >= dataset.getSeriesCount()) {
            return Double.NaN;
        }
        XYSeries s = dataset.getSeries(index);
        int lo = 0;
        int hi = s.getItemCount() - 1;
        if (hi < 0) {
            return Double.NaN;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.getX(mid).doubleValue() < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int best = lo > 0 && Math.abs(s.getX(lo - 1).doubleValue() - x) <= Math.abs(s.getX(lo).doubleValue() - x)
                ? lo - 1 : lo;
        return Math.abs(s.getX(best).doubleValue() - x) <= NEAR ? s.getY(best).doubleValue() : Double.NaN;
    }
}
