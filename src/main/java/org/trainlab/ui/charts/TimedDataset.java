package org.trainlab.ui.charts;

import java.util.function.Function;

import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One of the model's datasets as a chart shows it: x in epochs as stored, or in seconds of training
 * through each run's clock ({@link TimeScale}), so switching the unit redraws without copying a point.
 * Series keys are {@code "<run id>/<curve>"}. A point whose time is not known yet is not drawn.
 */
final class TimedDataset extends AbstractXYDataset {

    private static final long serialVersionUID = 1L;

    private final XYSeriesCollection source;
    private final transient Function<String, RunExtras> runs;
    private ChartOptions.XUnit unit = ChartOptions.XUnit.EPOCHS;

    TimedDataset(XYSeriesCollection source, Function<String, RunExtras> runs) {
        this.source = source;
        this.runs = runs;
    }

    /** The model's dataset behind a chart's dataset. */
    static XYDataset source(XYDataset shown) {
        return shown instanceof TimedDataset t ? t.source : shown;
    }

    void setUnit(ChartOptions.XUnit unit) {
        if (this.unit != unit) {
            this.unit = unit;
            fireDatasetChanged();
        }
    }

    @Override
    public int getSeriesCount() {
        return source.getSeriesCount();
    }

    @Override
    public Comparable<?> getSeriesKey(int series) {
        return source.getSeriesKey(series);
    }

    @Override
    public int getItemCount(int series) {
        return source.getItemCount(series);
    }

    @Override
    public Number getX(int series, int item) {
        return getXValue(series, item);
    }

    @Override
    public double getXValue(int series, int item) {
        double x = source.getXValue(series, item);
        if (unit == ChartOptions.XUnit.EPOCHS) {
            return x;
        }
        RunExtras run = runs.apply(runId(source.getSeriesKey(series)));
        return run == null ? Double.NaN : run.time.seconds(x);
    }

    @Override
    public Number getY(int series, int item) {
        return source.getY(series, item);
    }

    @Override
    public double getYValue(int series, int item) {
        return source.getYValue(series, item);
    }

    @Override
    public DomainOrder getDomainOrder() {
        // in seconds, points whose time is not known yet have none
        return unit == ChartOptions.XUnit.EPOCHS ? DomainOrder.ASCENDING : DomainOrder.NONE;
    }

    static String runId(Comparable<?> seriesKey) {
        String key = String.valueOf(seriesKey);
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }
}
