package org.trainlab.engine;

import org.trainlab.experiment.record.Provenance;

/**
 * What a run found once prepared.
 *
 * @param trainImages      images in the training split actually used
 * @param testImages       images in the held-out split
 * @param batchesPerEpoch  steps per epoch
 * @param normalizationMean mean subtracted from every pixel (0 when normalization is off)
 * @param normalizationStd  std divided into every pixel (1 when normalization is off)
 * @param parameters       trainable parameters
 * @param layers           the network, one layer per line, as built
 * @param provenance       seed, versions and machine, for the run's record
 */
public record RunInfo(int trainImages, int testImages, int batchesPerEpoch, double normalizationMean,
                      double normalizationStd, long parameters, String layers, Provenance provenance) {
}
