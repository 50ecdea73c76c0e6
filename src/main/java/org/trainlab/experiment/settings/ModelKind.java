package org.trainlab.experiment.settings;

/** Architectures TrainLab can train. */
public enum ModelKind {
    /** 3x3 conv 16 -> 32 -> maxpool -> 64 -> maxpool, then fc 128 -> 64 -> 10 (the tutorial's CNN). */
    CNN,
    /** Flattened 784 inputs, fc 128 -> 64 -> 10. */
    MLP
}
