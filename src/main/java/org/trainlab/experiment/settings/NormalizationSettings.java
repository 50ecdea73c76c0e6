package org.trainlab.experiment.settings;

/**
 * §5 input normalization, x' = (x - mean) / std on pixels scaled to [0, 1].
 *
 * @param kind off, computed from the training split, or the tutorial's fixed MNIST figures
 */
public record NormalizationSettings(NormalizationKind kind) {
}
