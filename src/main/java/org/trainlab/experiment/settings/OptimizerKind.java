package org.trainlab.experiment.settings;

/** Gradient-descent variants. */
public enum OptimizerKind {
    SGD, MOMENTUM, NESTEROV, ADAGRAD, RMSPROP, ADAM,
    /** Adam with decoupled weight decay; takes its decay from the regularization settings. */
    ADAMW
}
