package org.trainlab.experiment.settings;

/** §1 kinds of weight decay. */
public enum RegularizationKind {
    /** No penalty. */
    NONE,
    /** strength * w added to the gradient before the optimizer, as {@code torch.optim.SGD(weight_decay=...)}. */
    L2,
    /** Decoupled: w -= lr * strength * w after the optimizer step, as AdamW. */
    DECOUPLED,
    /** strength * sign(w) added to the gradient. */
    L1
}
