package org.trainlab.experiment.settings;

import java.util.List;

/** §3 weight initialization schemes, with PyTorch's definitions (fan_in/fan_out include the kernel area). */
public enum InitKind {
    /** N(0, sigma). */
    NORMAL(new InitDescriptor(List.of(InitDescriptor.SIGMA),
            "m.weight.data.normal_(0.0, {sigma})    # mean 0, standard deviation {sigma}",
            "org.deeplearning4j.nn.conf.distribution.NormalDistribution",
            ".weightInit(new NormalDistribution(0, {sigma.literal}))    // N(0, {sigma}); WeightInit.NORMAL would scale by fan-in")),
    /** Glorot: N(0, sqrt(2 / (fan_in + fan_out))). */
    XAVIER_NORMAL(new InitDescriptor(List.of(), "init.xavier_normal_(m.weight.data)    # Xavier initialization",
            "org.deeplearning4j.nn.weights.WeightInit", ".weightInit(WeightInit.XAVIER)    // N(0, sqrt(2 / (fanIn + fanOut)))")),
    /** Glorot: U(-a, a), a = sqrt(6 / (fan_in + fan_out)). */
    XAVIER_UNIFORM(new InitDescriptor(List.of(), "init.xavier_uniform_(m.weight.data)    # Xavier initialization, uniform",
            "org.deeplearning4j.nn.weights.WeightInit", ".weightInit(WeightInit.XAVIER_UNIFORM)")),
    /** Kaiming He for ReLU: N(0, sqrt(2 / fan_in)). */
    HE_NORMAL(new InitDescriptor(List.of(),
            "init.kaiming_normal_(m.weight.data, nonlinearity=\"relu\")    # Kaiming He initialization",
            "org.deeplearning4j.nn.weights.WeightInit", ".weightInit(WeightInit.RELU)    // He: N(0, sqrt(2 / fanIn))")),
    /** Kaiming He for ReLU: U(-a, a), a = sqrt(6 / fan_in). */
    HE_UNIFORM(new InitDescriptor(List.of(),
            "init.kaiming_uniform_(m.weight.data, nonlinearity=\"relu\")    # Kaiming He initialization, uniform",
            "org.deeplearning4j.nn.weights.WeightInit",
            ".weightInit(WeightInit.RELU_UNIFORM)    // He: U(-sqrt(6 / fanIn), sqrt(6 / fanIn))"));

    private final InitDescriptor descriptor;

    InitKind(InitDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** What the kind reads and how the exporters spell it. */
    public InitDescriptor descriptor() {
        return descriptor;
    }
}
