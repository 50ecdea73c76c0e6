package org.trainlab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.trainlab.experiment.settings.DataSettings;

/** Turns a run's {@link DataSettings} into its train/test split. */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    /** Downloads (when needed) through a default {@link DatasetDownloader}. */
    public static DatasetSplit load(DataSettings settings, DatasetDownloader.Listener listener, CancelToken cancel)
            throws IOException {
        return load(settings, listener, cancel, new DatasetDownloader());
    }

    /**
     * Loads the split named by {@code settings.source()} and cuts the training split to
     * {@code settings.trainSize()} (all of it when that is larger). Downloaded datasets live in
     * {@code AppDirs.cacheDir()/datasets/<id>} and are fetched only when missing or corrupt.
     */
    public static DatasetSplit load(DataSettings settings, DatasetDownloader.Listener listener, CancelToken cancel,
                                    DatasetDownloader downloader) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(settings.source(), "DataSettings.source");
        if (settings.trainSize() <= 0) {
            throw new IllegalArgumentException("DataSettings.trainSize must be positive, was " + settings.trainSize());
        }
        DatasetSplit split = switch (settings.source()) {
            case BUNDLED_DIGITS -> BundledDigits.load();
            case MNIST, FASHION_MNIST -> {
                DatasetCatalog.Entry entry = DatasetCatalog.forSource(settings.source());
                Path folder = downloader.download(entry, AppDirs.datasetCache(entry), listener, cancel);
                yield IdxFolder.load(folder, entry.displayName());
            }
            case IDX_FOLDER -> {
                if (settings.folder() == null || settings.folder().isBlank()) {
                    throw new IllegalArgumentException("DataSettings.folder must name a folder for IDX_FOLDER");
                }
                yield IdxFolder.load(Path.of(settings.folder()));
            }
        };
        return split.withTrainSize(settings.trainSize());
    }
}
