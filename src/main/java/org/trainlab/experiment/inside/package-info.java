/**
 * What a run looks like inside, as immutable, toolkit-free records: per epoch the held-out confusion
 * matrix, the worst mistakes, per-layer health (weight histogram, activations on a fixed probe batch,
 * gradient norm, update:parameter ratio) and the first-layer filters ({@link org.trainlab.experiment.inside.InsideEpoch});
 * a run's trained weights ({@link org.trainlab.experiment.inside.TrainedWeights}, stored by
 * {@link org.trainlab.experiment.io.WeightsFile}); and the door to a trained network the window
 * asks on demand ({@link org.trainlab.experiment.inside.TrainedNetwork}). The engine fills them on
 * its training thread ({@code engine.probe}); arrays are copied in and out, never shared.
 */
package org.trainlab.experiment.inside;
