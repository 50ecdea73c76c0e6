package org.trainlab.experiment.settings;

/** §3 weight initialization schemes, with PyTorch's definitions (fan_in/fan_out include the kernel area). */
public enum InitKind {
    /** N(0, sigma). */
    NORMAL,
    /** Glorot: N(0, sqrt(2 / (fan_in + fan_out))). */
    XAVIER_NORMAL,
    /** Glorot: U(-a, a), a = sqrt(6 / (fan_in + fan_out)). */
    XAVIER_UNIFORM,
    /** Kaiming He for ReLU: N(0, sqrt(2 / fan_in)). */
    HE_NORMAL,
    /** Kaiming He for ReLU: U(-a, a), a = sqrt(6 / fan_in). */
    HE_UNIFORM
}
