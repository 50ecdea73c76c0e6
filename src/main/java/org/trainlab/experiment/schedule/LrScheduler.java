package org.trainlab.experiment.schedule;

import java.util.List;
import org.trainlab.experiment.validation.InvalidSettingsException;
import org.trainlab.experiment.validation.Problem;
import org.trainlab.experiment.settings.SchedulerSettings;
import org.trainlab.experiment.validation.SettingsValidator;

/**
 * §4 a learning-rate schedule with PyTorch's semantics, stepped once at the end of every epoch. Before
 * the first step, {@link #currentLr()} is the rate for epoch 1.
 */
public interface LrScheduler {

    /** The learning rate for the epoch about to run. */
    double currentLr();

    /**
     * Ends an epoch.
     *
     * @param monitoredValue the epoch's held-out loss; only REDUCE_ON_PLATEAU reads it
     */
    void step(double monitoredValue);

    /**
     * @throws InvalidSettingsException if the parameters of the chosen kind are out of range
     * @throws IllegalArgumentException if {@code initialLr} is not a positive finite number
     */
    static LrScheduler create(SchedulerSettings settings, double initialLr) {
        if (!(initialLr > 0) || Double.isInfinite(initialLr)) {
            throw new IllegalArgumentException("initial learning rate must be a positive finite number, got " + initialLr);
        }
        List<Problem> problems = SettingsValidator.validateScheduler(settings, initialLr);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return switch (settings.kind()) {
            case REDUCE_ON_PLATEAU -> ReduceLrOnPlateau.of(settings, initialLr);
            default -> new ClosedFormScheduler(ClosedFormScheduler.formula(settings, initialLr));
        };
    }

    /**
     * The learning rate used in each epoch 1..epochs, for showing a schedule before a run. For
     * REDUCE_ON_PLATEAU, which depends on the losses, it assumes a loss that never improves after
     * epoch 1 (the same value every epoch): the fastest decay the settings allow.
     */
    static double[] preview(SchedulerSettings settings, double initialLr, int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must not be negative, got " + epochs);
        }
        LrScheduler scheduler = create(settings, initialLr);
        double[] rates = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            rates[epoch] = scheduler.currentLr();
            scheduler.step(1.0);
        }
        return rates;
    }
}
