package org.trainlab.experiment.settings;

/** Where a run's digits come from. */
public enum DatasetSource {
    /** The 10,000 real MNIST digits shipped in assets/ (8,000 train, 2,000 held out). */
    BUNDLED_DIGITS,
    /** Full MNIST, 60,000 / 10,000, downloaded on request into the user's cache folder. */
    MNIST,
    /** Fashion-MNIST, 60,000 / 10,000, downloaded on request into the user's cache folder. */
    FASHION_MNIST,
    /** Any folder holding train/test IDX image and label files. */
    IDX_FOLDER
}
