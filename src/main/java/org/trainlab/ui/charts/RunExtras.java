package org.trainlab.ui.charts;

import java.util.ArrayList;
import java.util.List;

import org.jfree.data.xy.XYSeries;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.SchedulerKind;

/**
 * What one run's curves carry beyond their points: the smoothed per-batch loss (kept up to date point by
 * point as the raw curve grows, recomputed only when the weight changes), the run's clock for an x axis
 * in seconds, and its finished epochs and schedule for the event markers. FX thread only.
 */
final class RunExtras {

    final XYSeries smoothed;
    final TimeScale time = new TimeScale();
    final List<EpochMetrics> epochs = new ArrayList<>();
    private final XYSeries raw;
    private final DebiasedEma ema;
    SchedulerKind scheduler = SchedulerKind.NONE;

    RunExtras(String runId, XYSeries raw, double smoothing) {
        this.raw = raw;
        smoothed = new XYSeries(runId + "/smoothed", true, true);
        ema = new DebiasedEma(smoothing);
    }

    void plan(ExperimentSettings settings) {
        scheduler = settings.scheduler().kind();
    }

    /** Forgets everything but the smoothing weight; the smoothed series is cleared with the run's other series. */
    void clear() {
        ema.reset();
        time.clear();
        epochs.clear();
    }

    /** A point was added to the raw curve; {@code elapsedSeconds} is NaN when unknown. @return the smoothed series */
    XYSeries batchPoint(double x, double loss, double elapsedSeconds) {
        smoothed.add(x, ema.add(loss), false);
        time.add(x, elapsedSeconds);
        return smoothed;
    }

    void epoch(EpochMetrics m) {
        epochs.add(m);
        time.add(m.epoch(), m.elapsedSeconds());
    }

    /** The smoothed curve again from the raw one, with a new weight. @return the smoothed series */
    XYSeries resmooth(double smoothing) {
        ema.reset(smoothing);
        smoothed.setNotify(false);
        smoothed.clear();
        for (int i = 0; i < raw.getItemCount(); i++) {
            smoothed.add(raw.getX(i), ema.add(raw.getY(i).doubleValue()), false);
        }
        smoothed.setNotify(true);
        return smoothed;
    }

    /** The x in epochs of a moment of this run's training, or of an epoch x when the unit is seconds. */
    double toUnit(double epochX, ChartOptions.XUnit unit) {
        return unit == ChartOptions.XUnit.SECONDS ? time.seconds(epochX) : epochX;
    }

    double fromUnit(double x, ChartOptions.XUnit unit) {
        return unit == ChartOptions.XUnit.SECONDS ? time.epochs(x) : x;
    }
}
