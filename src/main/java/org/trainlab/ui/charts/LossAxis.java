package org.trainlab.ui.charts;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The loss chart's y axis, linear or logarithmic, and how it fits the curves of the runs shown (hidden
 * runs left out). Linear: 0 to a little above the highest epoch loss, once there is one; until then,
 * every batch. The first batches' losses (2.3 and more) would flatten the part that matters, where the
 * held-out loss turns and climbs; their spikes are cut at the top. Logarithmic: every curve, batches
 * included, as a log scale has room for both the first losses and the last.
 */
final class LossAxis {

    private final NumberAxis linear;
    private final LogAxis log;

    LossAxis(String label) {
        linear = new NumberAxis(label);
        linear.setNumberFormatOverride(ChartStyle.shortNumbers());
        log = new LogAxis(label);
        log.setNumberFormatOverride(ChartStyle.shortNumbers());
        log.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        log.setSmallestValue(1e-6);
    }

    NumberAxis linear() {
        return linear;
    }

    /** Puts the linear or the log axis on the plot; true when it changed. */
    boolean use(XYPlot plot, boolean logScale) {
        ValueAxis wanted = logScale ? log : linear;
        if (plot.getRangeAxis() == wanted) {
            return false;
        }
        plot.setRangeAxis(wanted);
        return true;
    }

    void fit(XYPlot plot, ChartsModel model) {
        ChartOptions options = model.options();
        java.util.List<ChartsModel.Overlay> runs = model.overlaysProperty().get();
        double[] epochs = range(model.epochLoss(), runs, options, 2);
        if (plot.getRangeAxis() == log) {
            double[] batches = range(model.batchLoss(), runs, options, 1);
            double low = Math.min(epochs[0], batches[0]);
            double high = Math.max(epochs[1], batches[1]);
            if (high > 0 && low < Double.MAX_VALUE) {
                log.setRange(low / 1.25, Math.max(high * 1.25, low * 2));
            } else if (!log.isAutoRange()) {
                log.setAutoRange(true);
            }
            return;
        }
        if (epochs[1] > 0) {
            linear.setRange(0, epochs[1] * 1.2);
        } else if (!linear.isAutoRange()) {
            linear.setAutoRange(true);
        }
    }

    /** The smallest positive and the largest finite y of the visible runs' series ({@code perRun} each). */
    private static double[] range(XYSeriesCollection dataset, java.util.List<ChartsModel.Overlay> runs,
                                  ChartOptions options, int perRun) {
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            int run = s / perRun;
            if (run < runs.size() && options.isHidden(runs.get(run).shownAs())) {
                continue;
            }
            XYSeries series = dataset.getSeries(s);
            for (int i = 0; i < series.getItemCount(); i++) {
                double v = series.getY(i).doubleValue();
                if (Double.isFinite(v) && v > 0) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        return new double[] {low, high};
    }
}
