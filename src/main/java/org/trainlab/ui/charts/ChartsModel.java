package org.trainlab.ui.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.experiment.schedule.LrScheduler;
import org.trainlab.session.LossPoint;
import org.trainlab.session.SessionRun;

/**
 * The curves of every run, as JFreeChart datasets that the chart views show and that outlive them (a
 * language switch rebuilds the views over the same data). Each run has its own series (batch loss,
 * train and held-out loss and accuracy, the learning rate used and planned); the datasets hold the
 * series of the runs on the charts ({@link #setOverlay}), in the runs list's order, so the view can
 * colour series {@code i} (or {@code 2i} and {@code 2i + 1}) after overlay {@code i}.
 *
 * <p>The x axis is in epochs: a batch sits at its fraction of the epoch, an epoch's figures at its end.
 * FX thread only. The datasets never notify their charts themselves: a chart viewer redraws at once on
 * every notification, which with a dozen series would mean a dozen redraws per drain. Instead each
 * change (a drain, a new overlay) ends with one {@link #changesProperty() change} naming the datasets it
 * touched, and the view redraws each affected chart once.
 */
public final class ChartsModel {

    /**
     * One run on the charts: its palette colour, its legend text and the legend's tooltip (e.g. a group's verdict).
     *
     * @param partOf null for a run of its own; for a seed training in a group, the chart id of the group's mean:
     *               the seed is drawn faintly in the mean's colour, shown and hidden with it, and has no legend
     *               entry of its own
     */
    public record Overlay(String runId, int colorIndex, String label, String detail, String partOf) {
        public Overlay {
            Objects.requireNonNull(runId, "runId");
            detail = detail == null ? label : detail;
        }

        public Overlay(String runId, int colorIndex, String label, String detail) {
            this(runId, colorIndex, label, detail, null);
        }

        public Overlay(String runId, int colorIndex, String label) {
            this(runId, colorIndex, label, label);
        }

        /** A seed of group {@code meanId} while it trains: its curves move between the mean's epochs. */
        public static Overlay seedOf(String meanId, String runId, int colorIndex, String label) {
            return new Overlay(runId, colorIndex, label, label, Objects.requireNonNull(meanId, "meanId"));
        }

        /** Drawn faintly, without a legend entry: a group's seed in training. */
        public boolean faint() {
            return partOf != null;
        }

        /** The chart id whose legend entry shows and hides this run: its own, or its group mean's. */
        public String shownAs() {
            return partOf == null ? runId : partOf;
        }
    }

    /**
     * One change of the charts' data.
     *
     * @param revision counts changes, so two equal sets of datasets are still two changes
     * @param datasets the datasets whose shown series changed
     */
    public record Change(long revision, Set<XYSeriesCollection> datasets) {
    }

    /** Where an overlaid run's loss stopped being a number, in epochs. */
    public record Divergence(String runId, int colorIndex, double x) {
    }

    /** Per-batch curves keep at most about this many points per epoch (means of consecutive batches). */
    static final int POINTS_PER_EPOCH = 200;
    /** The x axes span this many epochs while no run is shown. */
    static final int DEFAULT_EPOCHS = 5;

    private final Map<String, Curves> curves = new HashMap<>();

    private final XYSeriesCollection batchLoss = new XYSeriesCollection();
    private final XYSeriesCollection epochLoss = new XYSeriesCollection();
    private final XYSeriesCollection accuracy = new XYSeriesCollection();
    private final XYSeriesCollection usedLr = new XYSeriesCollection();
    private final XYSeriesCollection plannedLr = new XYSeriesCollection();
    private final XYSeriesCollection lossGap = new XYSeriesCollection();
    private final XYSeriesCollection accuracyGap = new XYSeriesCollection();
    private final XYSeriesCollection smoothedLoss = new XYSeriesCollection();
    private final List<XYSeriesCollection> all = List.of(batchLoss, epochLoss, accuracy, usedLr, plannedLr, lossGap,
            accuracyGap, smoothedLoss);
    private final ChartOptions options = new ChartOptions();
    private final ReadOnlyObjectWrapper<List<EventMarkers.Marker>> markers = new ReadOnlyObjectWrapper<>(this, "markers",
            List.of());

    private final ReadOnlyObjectWrapper<List<Overlay>> overlays = new ReadOnlyObjectWrapper<>(this, "overlays", List.of());
    private final ReadOnlyObjectWrapper<String> highlighted = new ReadOnlyObjectWrapper<>(this, "highlighted");
    private final ReadOnlyIntegerWrapper epochs = new ReadOnlyIntegerWrapper(this, "epochs", DEFAULT_EPOCHS);
    private final ReadOnlyObjectWrapper<List<Divergence>> divergences = new ReadOnlyObjectWrapper<>(this, "divergences",
            List.of());
    private final ReadOnlyObjectWrapper<Change> changes = new ReadOnlyObjectWrapper<>(this, "changes",
            new Change(0, Set.of()));
    /** How many drains changed a curve on the charts: a measure of chart refreshes. */
    private long refreshes;

    public ChartsModel() {
        all.forEach(d -> d.setNotify(false));
        options.smoothingProperty().addListener((obs, old, now) -> resmooth());
    }

    // ---- Live events

    /** Consumer of the {@link MetricDrain}'s run events. */
    public void apply(List<RunEvent> events) {
        // by identity: a series' equals and hashCode follow its points, which change right here
        Set<XYSeries> changed = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean shapeChanged = false;
        for (RunEvent event : events) {
            if (event instanceof RunEvent.Started started) {
                Curves c = curves(started.runId());
                c.clear(changed);
                c.plan(started.settings());
                shapeChanged = true;
            } else if (event instanceof RunEvent.Batch batch) {
                Curves c = curves(batch.runId());
                shapeChanged |= c.addBatch(batch.metrics(), changed);
            } else if (event instanceof RunEvent.Epoch epoch) {
                curves(epoch.runId()).addEpoch(epoch.metrics(), changed);
            }
        }
        fire(changed);
        if (shapeChanged) {
            publishShape();
        }
    }

    // ---- Runs from a session, replays

    /** Shows a run as recorded: every finished epoch and its loss curve (a restored or opened session). */
    public void load(SessionRun run) {
        Set<XYSeries> changed = Collections.newSetFromMap(new IdentityHashMap<>());
        Curves c = curves(run.id());
        c.clear(changed);
        c.plan(run.settings());
        c.batchesPerEpoch = batchesPerEpoch(run);
        c.show(run.epochs(), run.losses().points(), changed);
        fire(changed);
        publishShape();
    }

    /** Empties a run's curves for a replay; {@link #showReplay} then adds what the replay has reached. */
    public void beginReplay(SessionRun run) {
        Set<XYSeries> changed = Collections.newSetFromMap(new IdentityHashMap<>());
        Curves c = curves(run.id());
        c.clear(changed);
        c.plan(run.settings());
        c.batchesPerEpoch = batchesPerEpoch(run);
        fire(changed);
        publishShape();
    }

    /** Adds the run's first {@code epochCount} epochs and {@code lossCount} loss points, those not yet shown. */
    public void showReplay(SessionRun run, int epochCount, int lossCount) {
        Set<XYSeries> changed = Collections.newSetFromMap(new IdentityHashMap<>());
        Curves c = curves(run.id());
        List<EpochMetrics> e = run.epochs();
        List<LossPoint> l = run.losses().points();
        c.show(e.subList(Math.min(c.shownEpochs, epochCount), Math.min(epochCount, e.size())),
                l.subList(Math.min(c.shownLosses, lossCount), Math.min(lossCount, l.size())), changed);
        fire(changed);
        if (!Double.isNaN(c.divergedAt)) {
            publishShape();
        }
    }

    /** Forgets a run's curves (it was removed from the session). */
    public void remove(String runId) {
        curves.remove(runId);
        List<Overlay> left = overlays.get().stream().filter(o -> !o.runId().equals(runId)).toList();
        if (left.size() != overlays.get().size()) {
            setOverlay(left, Objects.equals(highlighted.get(), runId) ? null : highlighted.get());
        }
    }

    /** Forgets every run (a session was opened or a new one started). */
    public void clear() {
        setOverlay(List.of(), null);
        curves.clear();
    }

    // ---- Which runs are shown

    /**
     * Shows these runs, in this order; the highlighted one (when shown) has the gap between its train
     * and held-out curves shaded and its planned learning rate drawn. Null highlights the first.
     */
    public void setOverlay(List<Overlay> runs, String highlightedId) {
        List<Overlay> next = List.copyOf(runs);
        String light = next.stream().anyMatch(o -> o.runId().equals(highlightedId)) ? highlightedId
                : next.isEmpty() ? null : next.get(0).runId();
        if (next.equals(overlays.get()) && Objects.equals(light, highlighted.get())) {
            return;
        }
        all.forEach(XYSeriesCollection::removeAllSeries);
        for (Overlay o : next) {
            Curves c = curves(o.runId());
            batchLoss.addSeries(c.batch);
            epochLoss.addSeries(c.trainLoss);
            epochLoss.addSeries(c.heldOutLoss);
            accuracy.addSeries(c.trainAccuracy);
            accuracy.addSeries(c.heldOutAccuracy);
            usedLr.addSeries(c.usedLr);
            smoothedLoss.addSeries(c.extras.smoothed);
        }
        if (light != null) {
            Curves c = curves(light);
            lossGap.addSeries(c.trainLoss);
            lossGap.addSeries(c.heldOutLoss);
            accuracyGap.addSeries(c.trainAccuracy);
            accuracyGap.addSeries(c.heldOutAccuracy);
            plannedLr.addSeries(c.plannedLr);
        }
        overlays.set(next);
        highlighted.set(light);
        publishShape();
        refreshes++;
        publishChange(Set.copyOf(all));
    }

    private Curves curves(String runId) {
        return curves.computeIfAbsent(runId, id -> new Curves(id, options.smoothing()));
    }

    /** The smoothed loss again for every run, with the weight now chosen; the raw points stay. */
    private void resmooth() {
        Set<XYSeries> changed = Collections.newSetFromMap(new IdentityHashMap<>());
        curves.values().forEach(c -> changed.add(c.extras.resmooth(options.smoothing())));
        fire(changed);
    }

    /** The highlighted run's event markers, from the epochs shown so far. */
    private void publishMarkers() {
        Curves c = highlighted.get() == null ? null : curves.get(highlighted.get());
        List<EventMarkers.Marker> now = c == null ? List.of()
                : EventMarkers.of(c.extras.scheduler, c.extras.epochs, c.divergedAt);
        if (!now.equals(markers.get())) {
            markers.set(now);
        }
    }

    /** A run's smoothing, clock and epochs; null for a run never seen. */
    RunExtras extras(String runId) {
        Curves c = curves.get(runId);
        return c == null ? null : c.extras;
    }

    private void fire(Set<XYSeries> changed) {
        if (changed.isEmpty()) {
            return;
        }
        publishMarkers();
        changed.forEach(XYSeries::fireSeriesChanged);
        Set<XYSeriesCollection> touched = Collections.newSetFromMap(new IdentityHashMap<>());
        for (XYSeriesCollection d : all) {
            for (XYSeries s : changed) {
                if (d.indexOf(s) >= 0) {
                    touched.add(d);
                    break;
                }
            }
        }
        if (!touched.isEmpty()) {
            refreshes++;
            publishChange(touched);
        }
    }

    private void publishChange(Set<XYSeriesCollection> datasets) {
        changes.set(new Change(changes.get().revision() + 1, datasets));
    }

    /** The x range and the divergence marks follow the runs shown. */
    private void publishShape() {
        int most = 0;
        List<Divergence> marks = new ArrayList<>();
        for (Overlay o : overlays.get()) {
            Curves c = curves(o.runId());
            most = Math.max(most, c.plannedEpochs);
            if (!Double.isNaN(c.divergedAt)) {
                marks.add(new Divergence(o.runId(), o.colorIndex(), c.divergedAt));
            }
        }
        epochs.set(most == 0 ? DEFAULT_EPOCHS : most);
        publishMarkers();
        if (!marks.equals(divergences.get())) {
            divergences.set(List.copyOf(marks));
        }
    }

    /** Batches per epoch of a recorded run: from its first epoch, else estimated from its settings. */
    private static int batchesPerEpoch(SessionRun run) {
        if (!run.epochs().isEmpty() && run.epochs().get(0).iteration() > 0) {
            return (int) run.epochs().get(0).iteration();
        }
        ExperimentSettings s = run.settings();
        return Math.max(1, (s.data().trainSize() + s.training().batchSize() - 1) / s.training().batchSize());
    }

    /** One run's series; keys are "{@code <run id>/<curve>}", unique within every dataset. */
    private static final class Curves {
        final XYSeries batch;
        final XYSeries trainLoss;
        final XYSeries heldOutLoss;
        final XYSeries trainAccuracy;
        final XYSeries heldOutAccuracy;
        final XYSeries usedLr;
        final XYSeries plannedLr;
        final RunExtras extras;
        int plannedEpochs;
        int batchesPerEpoch = 1;
        double divergedAt = Double.NaN;
        int shownEpochs;
        int shownLosses;
        // mean of the batches since the last point
        double bucketSum;
        int bucketCount;

        Curves(String runId, double smoothing) {
            batch = series(runId, "batch");
            trainLoss = series(runId, "trainLoss");
            heldOutLoss = series(runId, "heldOutLoss");
            trainAccuracy = series(runId, "trainAccuracy");
            heldOutAccuracy = series(runId, "heldOutAccuracy");
            usedLr = series(runId, "usedLr");
            plannedLr = series(runId, "plannedLr");
            extras = new RunExtras(runId, batch, smoothing);
        }

        private static XYSeries series(String runId, String curve) {
            return new XYSeries(runId + "/" + curve, true, true);
        }

        List<XYSeries> all() {
            return List.of(batch, trainLoss, heldOutLoss, trainAccuracy, heldOutAccuracy, usedLr, plannedLr,
                    extras.smoothed);
        }

        void clear(Set<XYSeries> changed) {
            for (XYSeries s : all()) {
                if (s.getItemCount() > 0) {
                    s.setNotify(false);
                    s.clear();
                    s.setNotify(true);
                    changed.add(s);
                }
            }
            bucketSum = 0;
            bucketCount = 0;
            divergedAt = Double.NaN;
            shownEpochs = 0;
            shownLosses = 0;
            extras.clear();
        }

        /** The planned epochs, and the planned learning rate as steps, one per epoch. */
        void plan(ExperimentSettings settings) {
            extras.plan(settings);
            plannedEpochs = settings.training().epochs();
            batchesPerEpoch = Math.max(1, (settings.data().trainSize() + settings.training().batchSize() - 1)
                    / settings.training().batchSize());
            // a plateau schedule depends on the losses to come, so it has no honest plan to draw
            if (settings.scheduler().kind() == SchedulerKind.REDUCE_ON_PLATEAU) {
                return;
            }
            double[] plan;
            try {
                plan = LrScheduler.preview(settings.scheduler(), settings.optimizer().learningRate(), plannedEpochs);
            } catch (RuntimeException e) {
                return; // settings from an older file may not make a schedule; the used rate still shows
            }
            for (int e = 0; e < plan.length; e++) {
                plannedLr.add(e, plan[e], false);
                plannedLr.add(e + 1, plan[e], false);
            }
        }

        /** @return whether the run diverged with this batch */
        boolean addBatch(BatchMetrics m, Set<XYSeries> changed) {
            batchesPerEpoch = m.batches();
            double x = m.epoch() - 1 + (double) m.batch() / m.batches();
            if (!Double.isFinite(m.loss())) {
                boolean first = Double.isNaN(divergedAt);
                divergedAt = first ? x : divergedAt;
                return first;
            }
            bucketSum += m.loss();
            bucketCount++;
            int every = Math.max(1, (m.batches() + POINTS_PER_EPOCH - 1) / POINTS_PER_EPOCH);
            if (bucketCount >= every || m.batch() == m.batches()) {
                batch.add(x, bucketSum / bucketCount, false);
                changed.add(extras.batchPoint(x, bucketSum / bucketCount, m.elapsedSeconds()));
                usedLr.add(x, m.learningRate(), false);
                bucketSum = 0;
                bucketCount = 0;
                changed.add(batch);
                changed.add(usedLr);
            }
            return false;
        }

        void addEpoch(EpochMetrics m, Set<XYSeries> changed) {
            extras.epoch(m);
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

        /** Adds recorded epochs and loss points; a recorded run's learning rate is drawn per epoch. */
        void show(List<EpochMetrics> epochs, List<LossPoint> losses, Set<XYSeries> changed) {
            for (EpochMetrics m : epochs) {
                addEpoch(m, changed);
                if (Double.isFinite(m.learningRate())) {
                    usedLr.add(m.epoch() - 1, m.learningRate(), false);
                    usedLr.add(m.epoch(), m.learningRate(), false);
                    changed.add(usedLr);
                }
            }
            for (LossPoint p : losses) {
                double x = (double) p.iteration() / batchesPerEpoch;
                if (Float.isFinite(p.loss())) {
                    batch.add(x, p.loss(), false);
                    changed.add(batch);
                    changed.add(extras.batchPoint(x, p.loss(), Double.NaN));
                } else if (Double.isNaN(divergedAt)) {
                    divergedAt = x;
                }
            }
            shownEpochs += epochs.size();
            shownLosses += losses.size();
        }
    }

    // ---- Properties

    /** Per-batch training loss, one series per shown run. */
    public XYSeriesCollection batchLoss() { return batchLoss; }
    /** The per-batch loss smoothed ({@link ChartOptions#smoothingProperty()}), one series per shown run. */
    public XYSeriesCollection smoothedLoss() { return smoothedLoss; }
    /** How the charts show the curves. */
    public ChartOptions options() { return options; }
    /** The highlighted run's learning-rate changes, best epoch and divergence, in epochs. */
    public ReadOnlyObjectProperty<List<EventMarkers.Marker>> markersProperty() { return markers.getReadOnlyProperty(); }
    /** Train and held-out loss per epoch: series {@code 2i} and {@code 2i + 1} for shown run {@code i}. */
    public XYSeriesCollection epochLoss() { return epochLoss; }
    /** Train and held-out accuracy (0..1) per epoch: series {@code 2i} and {@code 2i + 1} for run {@code i}. */
    public XYSeriesCollection accuracy() { return accuracy; }
    /** The learning rate each run used, one series per shown run. */
    public XYSeriesCollection learningRate() { return usedLr; }
    /** The highlighted run's planned learning rate; empty when none or a plateau schedule. */
    public XYSeriesCollection plannedLearningRate() { return plannedLr; }
    /** The highlighted run's train and held-out loss, for shading the gap between them. */
    public XYSeriesCollection lossGap() { return lossGap; }
    /** The highlighted run's train and held-out accuracy, for shading the gap between them. */
    public XYSeriesCollection accuracyGap() { return accuracyGap; }
    /** The runs shown, in the order of the datasets' series. */
    public ReadOnlyObjectProperty<List<Overlay>> overlaysProperty() { return overlays.getReadOnlyProperty(); }
    /** The run whose gap is shaded, or null. */
    public ReadOnlyObjectProperty<String> highlightedProperty() { return highlighted.getReadOnlyProperty(); }
    /** The most planned epochs of the runs shown: the x axes span 0 to this. */
    public ReadOnlyIntegerProperty epochsProperty() { return epochs.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<Divergence>> divergencesProperty() { return divergences.getReadOnlyProperty(); }
    /** The last change of the shown data; the view redraws the charts showing its datasets. */
    public ReadOnlyObjectProperty<Change> changesProperty() { return changes.getReadOnlyProperty(); }
    /** How many times the shown curves changed (drains that touched them, overlay changes). */
    public long refreshCount() { return refreshes; }
}
