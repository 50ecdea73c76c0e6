package org.trainlab.experiment.inside;

/**
 * One class and the probability the network gave it.
 *
 * @param digit       the class, 0..9
 * @param probability softmax probability, 0..1
 */
public record ClassProbability(int digit, double probability) {
}
