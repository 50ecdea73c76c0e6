package org.trainlab.ui.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;

import org.trainlab.data.AppDirs;
import org.trainlab.data.BundledDigits;
import org.trainlab.data.CancelToken;
import org.trainlab.data.DatasetCatalog;
import org.trainlab.data.DatasetDownloader;
import org.trainlab.data.DatasetSplit;
import org.trainlab.data.IdxFolder;
import org.trainlab.experiment.settings.DatasetSource;

/** Where the settings panel gets digits from; tests give it small in-memory ones. Called off the FX thread. */
public interface DatasetAccess {

    DatasetSplit bundled() throws IOException;

    /** The cache folder of a downloadable source when all its files are there, else null. Cheap. */
    Path cached(DatasetSource source);

    /**
     * Downloads a source into its cache folder and returns the folder.
     *
     * @param progress fraction of all the source's bytes done, 0 to 1
     */
    Path download(DatasetSource source, DoubleConsumer progress, CancelToken cancel) throws IOException;

    DatasetSplit load(Path folder, String name) throws IOException;

    /** The real datasets: bundled digits, the user's download cache, IDX folders. */
    static DatasetAccess standard() {
        return new DatasetAccess() {
            @Override
            public DatasetSplit bundled() throws IOException {
                return BundledDigits.load();
            }

            @Override
            public Path cached(DatasetSource source) {
                DatasetCatalog.Entry entry = DatasetCatalog.forSource(source);
                Path folder = AppDirs.datasetCache(entry);
                boolean complete = entry.files().stream().allMatch(f -> Files.isRegularFile(folder.resolve(f.name())));
                return complete ? folder : null;
            }

            @Override
            public Path download(DatasetSource source, DoubleConsumer progress, CancelToken cancel) throws IOException {
                DatasetCatalog.Entry entry = DatasetCatalog.forSource(source);
                long total = entry.totalSize();
                long[] finished = {0};
                DatasetDownloader.Listener listener = (file, done, size) -> {
                    if (total > 0) {
                        progress.accept(Math.min(1, (finished[0] + done) / (double) total));
                    }
                    if (size > 0 && done == size) {
                        finished[0] += size;
                    }
                };
                return new DatasetDownloader().download(entry, AppDirs.datasetCache(entry), listener, cancel);
            }

            @Override
            public DatasetSplit load(Path folder, String name) throws IOException {
                return IdxFolder.load(folder, name);
            }
        };
    }
}
