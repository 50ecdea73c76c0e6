package org.trainlab.experiment.inside;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.trainlab.experiment.settings.ModelSettings;

/**
 * A run's trained network as plain numbers: enough to rebuild it and classify without retraining.
 * The engine emits one at every epoch's end (so a finished run has its final weights, a paused or
 * stopped one its last finished epoch's); the session keeps the latest per run and stores it with
 * {@link org.trainlab.experiment.io.WeightsFile}. Immutable: arrays are copied in (but for {@link #owning})
 * and out.
 */
public final class TrainedWeights {

    private final ModelSettings model;
    private final int epoch;
    private final double normalizationMean;
    private final double normalizationStd;
    private final float[] parameters;
    private final double[] state;

    /**
     * Copies the arrays in.
     *
     * @param model             the architecture (CNN or MLP, batch norm, dropout)
     * @param epoch             the epoch after which these weights were taken, 1-based
     * @param normalizationMean mean the run subtracted from pixels (0 when normalization is off)
     * @param normalizationStd  std the run divided pixels by (1 when normalization is off)
     * @param parameters        every trainable parameter in the engine's flat layout (weights of every
     *                          layer first, then biases and batch-norm scale and shift)
     * @param state             non-trainable state: the batch-norm layers' running means then running
     *                          variances, layer after layer; empty (or null) without batch norm
     */
    public TrainedWeights(ModelSettings model, int epoch, double normalizationMean, double normalizationStd,
                          float[] parameters, double[] state) {
        this(model, epoch, normalizationMean, normalizationStd, Objects.requireNonNull(parameters, "parameters").clone(),
                state == null ? new double[0] : state.clone(), null);
    }

    /** The arrays as given; {@code taken} only tells this constructor from the public one. */
    private TrainedWeights(ModelSettings model, int epoch, double normalizationMean, double normalizationStd,
                           float[] parameters, double[] state, Void taken) {
        this.model = Objects.requireNonNull(model, "model");
        this.epoch = epoch;
        this.normalizationMean = normalizationMean;
        this.normalizationStd = normalizationStd;
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.state = state == null ? new double[0] : state;
    }

    /**
     * Takes the arrays as they are, without a copy: for arrays just made for these weights, that nobody
     * writes afterwards (the engine's snapshot at every epoch's end, a file read). A copy of the 430,000
     * parameters at every epoch of every run was a tenth of what the window allocated with 25 runs queued.
     */
    public static TrainedWeights owning(ModelSettings model, int epoch, double normalizationMean,
                                        double normalizationStd, float[] parameters, double[] state) {
        return new TrainedWeights(model, epoch, normalizationMean, normalizationStd, parameters, state, null);
    }

    public ModelSettings model() {
        return model;
    }

    public int epoch() {
        return epoch;
    }

    public double normalizationMean() {
        return normalizationMean;
    }

    public double normalizationStd() {
        return normalizationStd;
    }

    /** A copy of the parameters. */
    public float[] parameters() {
        return parameters.clone();
    }

    /** A copy of the state. */
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
