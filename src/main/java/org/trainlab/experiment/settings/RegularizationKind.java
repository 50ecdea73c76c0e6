package org.trainlab.experiment.settings;

import java.util.List;

/** §1 kinds of weight decay. */
public enum RegularizationKind {
    /** No penalty. */
    NONE(new RegularizationDescriptor(List.of(), "")),
    /** strength * w added to the gradient before the optimizer, as {@code torch.optim.SGD(weight_decay=...)}. */
    L2(new RegularizationDescriptor(List.of(RegularizationDescriptor.STRENGTH),
            ".l2({strength.literal})    // weights only: DL4J leaves biases alone unless l2Bias is set")),
    /** Decoupled: w -= lr * strength * w after the optimizer step, as AdamW. */
    DECOUPLED(new RegularizationDescriptor(List.of(RegularizationDescriptor.STRENGTH),
            ".weightDecay({strength.literal}, true)    // decoupled: w -= lr * {strength} * w each step")),
    /** strength * sign(w) added to the gradient. */
    L1(new RegularizationDescriptor(List.of(RegularizationDescriptor.STRENGTH), ".l1({strength.literal})"));

    private final RegularizationDescriptor descriptor;

    RegularizationKind(RegularizationDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** What the kind reads and how DL4J spells it. */
    public RegularizationDescriptor descriptor() {
        return descriptor;
    }
}
