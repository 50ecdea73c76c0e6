package org.trainlab.experiment.record;

/**
 * One training step, emitted after every batch.
 *
 * @param epoch        1-based epoch the batch belongs to
 * @param batch        1-based batch within the epoch
 * @param batches      batches per epoch
 * @param iteration    1-based step count since the run began
 * @param loss         mean cross-entropy of the batch, in training mode (dropout on, batch statistics)
 * @param learningRate the learning rate the step used
 * @param elapsedSeconds wall time since the run started when the step ended (earlier epochs' held-out
 *                       evaluation included, pauses excluded, as {@link EpochMetrics#elapsedSeconds()});
 *                       NaN when unknown
 */
public record BatchMetrics(int epoch, int batch, int batches, long iteration, double loss, double learningRate,
                           double elapsedSeconds) {

    /** A step whose time is not known. */
    public BatchMetrics(int epoch, int batch, int batches, long iteration, double loss, double learningRate) {
        this(epoch, batch, batches, iteration, loss, learningRate, Double.NaN);
    }
}
