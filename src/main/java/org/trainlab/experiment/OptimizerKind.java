package org.trainlab.experiment;

/** Gradient-descent variants. */
public enum OptimizerKind {
    SGD, MOMENTUM, NESTEROV, ADAGRAD, RMSPROP, ADAM,
    /** Adam with decoupled weight decay; takes its decay from the regularization settings. */
    ADAMW
}
