package org.trainlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.TemporaryProperty;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.settings.DatasetSource;

class DatasetLoaderTest {

    private final TemporaryProperty cache = TemporaryProperty.keep(AppDirs.CACHE_PROPERTY);

    @AfterEach
    void restoreCache() {
        cache.close();
    }

    @Test
    void bundledDigitsTakeATrainingPrefixAndKeepTheWholeTestSplit() throws IOException {
        DatasetSplit split = load(new DataSettings(DatasetSource.BUNDLED_DIGITS, null, 500));
        assertEquals(500, split.train().size());
        assertEquals(2000, split.test().size());
        assertEquals(BundledDigits.load().train().label(499), split.train().label(499));

        DatasetSplit all = load(new DataSettings(DatasetSource.BUNDLED_DIGITS, null, 60_000));
        assertEquals(8000, all.train().size());
    }

    @Test
    void idxFolderLoadsTheNamedFolder(@TempDir Path dir) throws IOException {
        IdxBytes.write(dir.resolve("train-images-idx3-ubyte"), IdxBytes.images(4, 2, 2, IdxBytes.pattern(4, 2, 2)));
        IdxBytes.write(dir.resolve("train-labels-idx1-ubyte"), IdxBytes.labels(new byte[] {0, 1, 2, 3}));
        IdxBytes.write(dir.resolve("t10k-images-idx3-ubyte"), IdxBytes.images(1, 2, 2, new byte[4]));
        IdxBytes.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxBytes.labels(new byte[] {4}));
        DatasetSplit split = load(new DataSettings(DatasetSource.IDX_FOLDER, dir.toString(), 3));
        assertEquals(3, split.train().size());
        assertEquals(1, split.test().size());
    }

    @Test
    void idxFolderNeedsAFolder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(new DataSettings(DatasetSource.IDX_FOLDER, null, 100)));
        assertTrue(e.getMessage().contains("DataSettings.folder"), e.getMessage());
    }

    @Test
    void rejectsANonPositiveTrainingSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(new DataSettings(DatasetSource.BUNDLED_DIGITS, null, 0)));
        assertTrue(e.getMessage().contains("DataSettings.trainSize"), e.getMessage());
    }

    @Test
    void mnistDownloadsIntoTheCacheFolderAndReportsAFailedMirror(@TempDir Path cache) throws IOException {
        System.setProperty(AppDirs.CACHE_PROPERTY, cache.toString());
        URI closed = URI.create("http://127.0.0.1:" + unusedPort() + "/");
        DatasetDownloader unreachable = new DatasetDownloader(DatasetDownloader.defaultClient(), List.of(closed));

        IOException e = assertThrows(IOException.class, () -> DatasetLoader.load(
                new DataSettings(DatasetSource.MNIST, null, 100), DatasetDownloader.Listener.NONE,
                CancelToken.NEVER, unreachable));

        assertTrue(e.getMessage().startsWith("train-images-idx3-ubyte.gz from " + closed + "train-images-idx3-ubyte.gz: "),
                e.getMessage());
        assertTrue(Files.isDirectory(cache.resolve("datasets/mnist")));
    }

    private static DatasetSplit load(DataSettings settings) throws IOException {
        return DatasetLoader.load(settings, DatasetDownloader.Listener.NONE, CancelToken.NEVER,
                new DatasetDownloader(DatasetDownloader.defaultClient(), List.of()));
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
