package org.trainlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.settings.DatasetSource;

class DatasetCatalogTest {

    @Test
    void entriesHoldTheFourStandardFilesSoIdxFolderFindsThem() {
        for (DatasetCatalog.Entry entry : List.of(DatasetCatalog.MNIST, DatasetCatalog.FASHION_MNIST)) {
            List<String> names = entry.files().stream().map(DatasetCatalog.RemoteFile::name).toList();
            assertEquals(List.of(IdxFolder.TRAIN_IMAGES + ".gz", IdxFolder.TRAIN_LABELS + ".gz",
                    IdxFolder.TEST_IMAGES + ".gz", IdxFolder.TEST_LABELS + ".gz"), names, entry.id());
            assertTrue(entry.totalSize() > 10_000_000, entry.id() + " should be a full-size download");
        }
    }

    @Test
    void mirrorsAreTriedInTheDocumentedOrder() {
        assertEquals(List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")), DatasetCatalog.MNIST.mirrors());
        assertEquals(List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
                DatasetCatalog.FASHION_MNIST.mirrors());
    }

    @Test
    void forSourceMapsOnlyTheDownloadableSources() {
        assertSame(DatasetCatalog.MNIST, DatasetCatalog.forSource(DatasetSource.MNIST));
        assertSame(DatasetCatalog.FASHION_MNIST, DatasetCatalog.forSource(DatasetSource.FASHION_MNIST));
        assertThrows(IllegalArgumentException.class, () -> DatasetCatalog.forSource(DatasetSource.BUNDLED_DIGITS));
    }

    @Test
    void rejectsMalformedChecksumsAndPaths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DatasetCatalog.RemoteFile("a.gz", 1, "ABC"));
        assertTrue(e.getMessage().startsWith("a.gz: sha256"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new DatasetCatalog.RemoteFile("../a.gz", 1, "0".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> new DatasetCatalog.Entry("x", "X",
                List.of(URI.create("http://example.org/no-slash")), List.of()));
    }
}
