package org.trainlab.experiment.settings;

/**
 * §3 weight initialization; biases always start at zero.
 *
 * @param kind  the scheme
 * @param sigma standard deviation for {@link InitKind#NORMAL} (the tutorial uses 0.1); ignored otherwise
 */
public record InitSettings(InitKind kind, double sigma) {
}
