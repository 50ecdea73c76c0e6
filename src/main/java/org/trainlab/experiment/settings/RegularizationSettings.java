package org.trainlab.experiment.settings;

/**
 * §1 weight decay, applied to weights (not biases, not batch-norm parameters).
 *
 * @param kind     how the penalty acts
 * @param strength the coefficient, 0 to 1 (0 = off)
 */
public record RegularizationSettings(RegularizationKind kind, double strength) {
}
