package org.trainlab.experiment.settings;

/**
 * §6 the optimizer. One flat record holds every optimizer's parameters; each kind reads only its own
 * (see {@link OptimizerKind}), the others are kept so switching back and forth loses nothing.
 *
 * @param kind         which optimizer
 * @param learningRate initial learning rate (before any scheduler)
 * @param momentum     MOMENTUM and NESTEROV
 * @param beta1        ADAM and ADAMW first-moment decay
 * @param beta2        ADAM and ADAMW second-moment decay
 * @param epsilon      ADAGRAD, RMSPROP, ADAM, ADAMW denominator guard
 * @param rmsDecay     RMSPROP squared-gradient decay (PyTorch's alpha)
 */
public record OptimizerSettings(
        OptimizerKind kind,
        double learningRate,
        double momentum,
        double beta1,
        double beta2,
        double epsilon,
        double rmsDecay) {

    /** Switches optimizer and keeps every parameter, so switching back restores them. */
    public OptimizerSettings withKind(OptimizerKind kind) {
        return new OptimizerSettings(kind, learningRate, momentum, beta1, beta2, epsilon, rmsDecay);
    }

    public OptimizerSettings withLearningRate(double learningRate) {
        return new OptimizerSettings(kind, learningRate, momentum, beta1, beta2, epsilon, rmsDecay);
    }
}
