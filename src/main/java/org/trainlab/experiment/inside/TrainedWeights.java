package org.trainlab.experiment.inside;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.trainlab.experiment.settings.ModelSettings;

/**
 * A run's trained network as plain numbers: enough to rebuild it and classify without retraining.
 * The engine emits one at every epoch's end (so a finished run has its final weights, a paused or
 * stopped one its last finished epoch's); the session keeps the latest per run and stores it with
 * {@link org.trainlab.experiment.io.WeightsFile}. Arrays are copied in and out.
 *
 * @param model             the architecture (CNN or MLP, batch norm, dropout)
 * @param epoch             the epoch after which these weights were taken, 1-based
 * @param normalizationMean mean the run subtracted from pixels (0 when normalization is off)
 * @param normalizationStd  std the run divided pixels by (1 when normalization is off)
 * @param parameters        every trainable parameter in the engine's flat layout (weights of every layer
 *                          first, then biases and batch-norm scale and shift)
 * @param state             non-trainable state: the batch-norm layers' running means then running variances,
 *                          layer after layer; empty without batch norm
 */
public record TrainedWeights(ModelSettings model, int epoch, double normalizationMean, double normalizationStd,
                             float[] parameters, double[] state) {

    public TrainedWeights {
        Objects.requireNonNull(model, "model");
        parameters = Objects.requireNonNull(parameters, "parameters").clone();
        state = state == null ? new double[0] : state.clone();
    }

    @Override
    public float[] parameters() {
        return parameters.clone();
    }

    @Override
    public double[] state() {
        return state.clone();
    }

    /** Puts the parameters into {@code target} at its position (a writer's buffer), without a copy of them. */
    public void copyParameters(FloatBuffer target) {
        target.put(parameters);
    }

    public int parameterCount() {
        return parameters.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainedWeights w && model.equals(w.model) && epoch == w.epoch
                && Double.compare(normalizationMean, w.normalizationMean) == 0
                && Double.compare(normalizationStd, w.normalizationStd) == 0
                && Arrays.equals(parameters, w.parameters) && Arrays.equals(state, w.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, epoch, Arrays.hashCode(parameters));
    }

    @Override
    public String toString() {
        return "TrainedWeights[" + model + ", epoch " + epoch + ", " + parameters.length + " parameters]";
    }
}
