package org.trainlab.data;

import java.util.Objects;

/**
 * A training split and the held-out split it is judged on. Augmentation and the training-size
 * setting apply to {@code train} only; {@code test} is always used whole and as stored.
 */
public record DatasetSplit(Dataset train, Dataset test) {

    public DatasetSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IllegalArgumentException("train images are " + train.rows() + "x" + train.cols()
                    + " but test images are " + test.rows() + "x" + test.cols());
        }
    }

    /** The same split with the training images cut to their first {@code n} (all when n is larger). */
    public DatasetSplit withTrainSize(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("training size must be positive, was " + n);
        }
        Dataset cut = train.prefix(n);
        return cut == train ? this : new DatasetSplit(cut, test);
    }
}
