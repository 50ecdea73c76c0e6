package org.trainlab.experiment.settings;

/** §5 where normalization's mean and std come from. */
public enum NormalizationKind {
    /** Pixels in [0, 1], unchanged. */
    NONE,
    /** Mean and std of the run's training split; the figures are part of the run's record. */
    TRAINING_SPLIT,
    /** The tutorial's 0.1307 / 0.3081 (full MNIST training set). */
    FIXED_MNIST
}
