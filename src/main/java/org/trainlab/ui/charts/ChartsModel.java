package org.trainlab.ui.charts;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.trainlab.experiment.BatchMetrics;
import org.trainlab.experiment.EpochMetrics;
import org.trainlab.experiment.SchedulerKind;

/**
 * The curves of the current run, as JFreeChart datasets that the chart views show and that outlive
 * them (a language switch rebuilds the views over the same data). The x axis is in epochs: a batch
 * sits at its fraction of the epoch, an epoch's figures at its end. FX thread only: points are added
 * without notification and each touched series fires once per drained batch.
 *
 * <p>Series keys are stable ids ({@link #BATCH}, {@link #TRAIN}, ...); legends translate them.
 */
public final class ChartsModel {

    public static final String BATCH = "batch";
    public static final String TRAIN = "train";
    public static final String HELD_OUT = "heldOut";
    public static final String PLANNED = "planned";
    public static final String USED = "used";
    /** Per-batch curves keep at most about this many points per epoch (means of consecutive batches). */
    static final int POINTS_PER_EPOCH = 200;

    private final XYSeries batchLoss = series(BATCH);
    private final XYSeries trainLoss = series(TRAIN);
    private final XYSeries heldOutLoss = series(HELD_OUT);
    private final XYSeries trainAccuracy = series(TRAIN);
    private final XYSeries heldOutAccuracy = series(HELD_OUT);
    private final XYSeries plannedLr = series(PLANNED);
    private final XYSeries usedLr = series(USED);

    private final XYSeriesCollection batchLossData = new XYSeriesCollection(batchLoss);
    private final XYSeriesCollection epochLossData = new XYSeriesCollection();
    private final XYSeriesCollection accuracyData = new XYSeriesCollection();
    private final XYSeriesCollection lrData = new XYSeriesCollection();

    private final ReadOnlyIntegerWrapper epochs = new ReadOnlyIntegerWrapper(this, "epochs", 5);
    /** Where the loss stopped being a number, in epochs; NaN while it has not. */
    private final ReadOnlyDoubleWrapper divergedAt = new ReadOnlyDoubleWrapper(this, "divergedAt", Double.NaN);

    // mean of the batches since the last point
    private double bucketSum;
    private int bucketCount;

    public ChartsModel() {
        epochLossData.addSeries(trainLoss);
        epochLossData.addSeries(heldOutLoss);
        accuracyData.addSeries(trainAccuracy);
        accuracyData.addSeries(heldOutAccuracy);
        lrData.addSeries(plannedLr);
        lrData.addSeries(usedLr);
    }

    private static XYSeries series(String key) {
        return new XYSeries(key, true, true);
    }

    /** Consumer of the {@link MetricDrain}. */
    public void apply(List<RunEvent> events) {
        // by identity: a series' equals and hashCode follow its points, which change right here
        Set<XYSeries> changed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (RunEvent event : events) {
            if (event instanceof RunEvent.Started started) {
                reset(started, changed);
            } else if (event instanceof RunEvent.Batch batch) {
                addBatch(batch.metrics(), changed);
            } else if (event instanceof RunEvent.Epoch epoch) {
                addEpoch(epoch.metrics(), changed);
            }
        }
        changed.forEach(XYSeries::fireSeriesChanged);
    }

    private void reset(RunEvent.Started started, Set<XYSeries> changed) {
        for (XYSeries s : List.of(batchLoss, trainLoss, heldOutLoss, trainAccuracy, heldOutAccuracy, plannedLr, usedLr)) {
            s.setNotify(false);
            s.clear();
            s.setNotify(true);
            changed.add(s);
        }
        bucketSum = 0;
        bucketCount = 0;
        divergedAt.set(Double.NaN);
        epochs.set(started.settings().training().epochs());
        // a plateau schedule depends on the losses to come, so it has no honest plan to draw
        if (started.settings().scheduler().kind() != SchedulerKind.REDUCE_ON_PLATEAU) {
            double[] plan = started.plannedLr();
            for (int e = 0; e < plan.length; e++) {
                plannedLr.add(e, plan[e], false);
                plannedLr.add(e + 1, plan[e], false);
            }
        }
    }

    private void addBatch(BatchMetrics m, Set<XYSeries> changed) {
        double x = m.epoch() - 1 + (double) m.batch() / m.batches();
        if (!Double.isFinite(m.loss())) {
            divergedAt.set(x);
            return;
        }
        bucketSum += m.loss();
        bucketCount++;
        int every = Math.max(1, (m.batches() + POINTS_PER_EPOCH - 1) / POINTS_PER_EPOCH);
        if (bucketCount >= every || m.batch() == m.batches()) {
            batchLoss.add(x, bucketSum / bucketCount, false);
            usedLr.add(x, m.learningRate(), false);
            bucketSum = 0;
            bucketCount = 0;
            changed.add(batchLoss);
            changed.add(usedLr);
        }
    }

    private void addEpoch(EpochMetrics m, Set<XYSeries> changed) {
        if (Double.isFinite(m.trainLoss()) && Double.isFinite(m.testLoss())) {
            trainLoss.add(m.epoch(), m.trainLoss(), false);
            heldOutLoss.add(m.epoch(), m.testLoss(), false);
            changed.add(trainLoss);
            changed.add(heldOutLoss);
        }
        trainAccuracy.add(m.epoch(), m.trainAccuracy(), false);
        heldOutAccuracy.add(m.epoch(), m.testAccuracy(), false);
        changed.add(trainAccuracy);
        changed.add(heldOutAccuracy);
    }

    /** Loss of the training batches as they ran. */
    public XYSeriesCollection batchLoss() {
        return batchLossData;
    }

    /** Series 0 the epoch's mean training loss, series 1 the held-out loss. */
    public XYSeriesCollection epochLoss() {
        return epochLossData;
    }

    /** Series 0 training accuracy, series 1 held-out accuracy, 0..1. */
    public XYSeriesCollection accuracy() {
        return accuracyData;
    }

    /** Series 0 the planned learning rate, series 1 the one each batch used. */
    public XYSeriesCollection learningRate() {
        return lrData;
    }

    /** The planned epochs: the x axes span 0 to this. */
    public ReadOnlyIntegerProperty epochsProperty() {
        return epochs.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty divergedAtProperty() {
        return divergedAt.getReadOnlyProperty();
    }
}
