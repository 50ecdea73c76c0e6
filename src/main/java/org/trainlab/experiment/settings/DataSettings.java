package org.trainlab.experiment.settings;

/**
 * @param source    where the digits come from
 * @param folder    the folder of IDX files when {@code source} is {@link DatasetSource#IDX_FOLDER}, else null
 * @param trainSize how many training images to use (a prefix of the training split), from 100 up to
 *                  all; larger than the split means all of it
 */
public record DataSettings(DatasetSource source, String folder, int trainSize) {
}
