package org.trainlab.experiment.settings;

/**
 * @param epochs    passes over the training split, 1 to 1000
 * @param batchSize images per step, 1 to 4096
 * @param seed      drives initial weights, batch order, dropout and augmentation: the same settings
 *                  and seed give the same metrics
 */
public record TrainingSettings(int epochs, int batchSize, long seed) {
}
