/**
 * Looks inside a network: at every epoch's end, on the run's own thread, {@link org.trainlab.engine.probe.EpochProbe}
 * measures the held-out confusion matrix and mistakes, per-layer weight histograms, activations on a fixed
 * probe batch, gradient norms and update ratios, and the first-layer filters, and hands them on as the
 * immutable records of {@code org.trainlab.experiment.inside}; {@link org.trainlab.engine.probe.TrainedNetworks}
 * rebuilds a trained network from its saved weights to classify a drawn digit or show feature maps.
 */
package org.trainlab.engine.probe;
