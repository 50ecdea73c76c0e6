package org.trainlab.experiment.inside;

import java.util.Objects;

/**
 * One weight layer's health at an epoch's end.
 *
 * @param name             "conv1".."conv3", "fc1".."fc3" (the MLP has fc1..fc3 only)
 * @param weightCount      the layer's weights (biases and batch-norm parameters excluded)
 * @param weights          histogram of those weights; its counts sum to {@code weightCount}. 41 bins,
 *                         symmetric about 0 ({@code [-max|w|, +max|w|]}), so a pile at zero shows in the middle bin
 * @param activationMean   mean of the layer's activation after ReLU (for fc3, the logits) on the fixed
 *                         probe batch of held-out images, inference mode
 * @param activationStd    population standard deviation of the same values
 * @param zeroFraction     fraction of those values that are exactly 0 (dead or inactive units); 0 for fc3
 * @param gradientNorm     L2 norm of the weights' gradient in the epoch's last training step
 * @param log10UpdateRatio log10(||ΔW|| / ||W||) of the epoch's last optimizer step (DL4J's rule of thumb:
 *                         about -3); -Infinity when the step changed nothing, NaN when the weights are all 0
 */
public record LayerProbe(String name, long weightCount, Histogram weights, double activationMean, double activationStd,
                         double zeroFraction, double gradientNorm, double log10UpdateRatio) {

    public LayerProbe {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(weights, "weights");
    }
}
