package org.trainlab.experiment.schedule;

import java.util.Objects;
import org.trainlab.experiment.settings.SchedulerSettings;
import org.trainlab.experiment.settings.SchedulerSettings.PlateauMode;
import org.trainlab.experiment.settings.SchedulerSettings.ThresholdMode;

/**
 * §4 PyTorch's {@code ReduceLROnPlateau}, step for step: after more than {@code patience} epochs without
 * improvement, lr = max(lr * factor, minLr), then {@code cooldown} epochs in which bad epochs are not
 * counted.
 *
 * <p>The comparison is PyTorch's arithmetic exactly, including its corner: in MIN/REL mode with
 * threshold 1 the bar is best * 0, and the starting best of +infinity makes that NaN, so no value ever
 * counts as better and the rate drops every {@code patience + 1} epochs, however the loss moves (the
 * tutorial's {@code ReduceLROnPlateau(threshold=1, patience=1, mode='min')} reduces after epochs 2, 4,
 * 6, ...).
 */
public final class ReduceLrOnPlateau implements LrScheduler {

    /** Reductions smaller than this are skipped (PyTorch's eps). */
    static final double EPS = 1e-8;

    private final PlateauMode mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final ThresholdMode thresholdMode;
    private final int cooldown;
    private final double minLr;

    private double lr;
    private double best;
    private int badEpochs;
    private int cooldownLeft;

    public ReduceLrOnPlateau(double initialLr, PlateauMode mode, double factor, int patience, double threshold,
                             ThresholdMode thresholdMode, int cooldown, double minLr) {
        if (!(factor < 1)) {
            throw new IllegalArgumentException("factor must be below 1, got " + factor);
        }
        this.lr = initialLr;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.thresholdMode = Objects.requireNonNull(thresholdMode, "thresholdMode");
        this.cooldown = cooldown;
        this.minLr = minLr;
        this.best = mode == PlateauMode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    static ReduceLrOnPlateau of(SchedulerSettings s, double initialLr) {
        return new ReduceLrOnPlateau(initialLr, s.plateauMode(), s.factor(), s.patience(), s.threshold(),
                s.thresholdMode(), s.cooldown(), s.minLr());
    }

    @Override
    public double currentLr() {
        return lr;
    }

    @Override
    public void step(double monitoredValue) {
        if (isBetter(monitoredValue)) {
            best = monitoredValue;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badEpochs = 0;
        }
        if (badEpochs > patience) {
            reduce();
            cooldownLeft = cooldown;
            badEpochs = 0;
        }
    }

    /** The best value seen so far (+-infinity before any improvement). */
    public double best() {
        return best;
    }

    /** Epochs since the last improvement that count towards patience. */
    public int badEpochs() {
        return badEpochs;
    }

    private boolean isBetter(double value) {
        if (mode == PlateauMode.MIN) {
            return thresholdMode == ThresholdMode.REL ? value < best * (1 - threshold) : value < best - threshold;
        }
        return thresholdMode == ThresholdMode.REL ? value > best * (1 + threshold) : value > best + threshold;
    }

    private void reduce() {
        double reduced = Math.max(lr * factor, minLr);
        if (lr - reduced > EPS) {
            lr = reduced;
        }
    }
}
