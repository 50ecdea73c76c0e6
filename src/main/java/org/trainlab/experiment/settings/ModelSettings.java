package org.trainlab.experiment.settings;

/**
 * @param kind        the tutorial's CNN or a plain MLP
 * @param batchNorm   §7: batch norm after every conv and hidden fc layer, before the ReLU
 * @param dropoutRate §8: probability of dropping a unit (0 = off): spatial (whole channels) after
 *                    each conv block, element-wise after each hidden fc layer
 */
public record ModelSettings(ModelKind kind, boolean batchNorm, double dropoutRate) {
}
