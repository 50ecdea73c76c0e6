package org.trainlab.experiment.record;

/**
 * One finished epoch. The train figures are the running means over the epoch's batches (training
 * mode, as the tutorial prints them); the held-out figures are measured afterwards in inference
 * mode (the tutorial's {@code model.eval()}: batch norm uses its running statistics, no dropout).
 *
 * @param epoch            1-based
 * @param iteration        step count at the end of the epoch
 * @param trainLoss        mean training loss over the epoch
 * @param trainAccuracy    fraction of training images classified correctly during the epoch, 0..1
 * @param testLoss         held-out mean loss, inference mode
 * @param testAccuracy     held-out accuracy, inference mode, 0..1
 * @param learningRate     the learning rate used during this epoch
 * @param nextLearningRate the learning rate after the scheduler stepped at the end of this epoch
 * @param weightNorm       L2 norm of all weights (biases and batch-norm parameters excluded)
 * @param imagesPerSecond  training images per second of this epoch's batches (held-out evaluation and
 *                         the work between epochs not counted)
 * @param elapsedSeconds   wall time since the run started (data loading, training, held-out evaluation
 *                         and every epoch's records included; pauses left out)
 */
public record EpochMetrics(
        int epoch,
        long iteration,
        double trainLoss,
        double trainAccuracy,
        double testLoss,
        double testAccuracy,
        double learningRate,
        double nextLearningRate,
        double weightNorm,
        double imagesPerSecond,
        double elapsedSeconds) {

    /** Train accuracy minus held-out accuracy: how much the model overfits. */
    public double accuracyGap() {
        return trainAccuracy - testAccuracy;
    }
}
