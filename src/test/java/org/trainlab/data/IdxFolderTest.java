package org.trainlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFolderTest {

    @TempDir
    Path dir;

    @Test
    void loadsStandardNamesRawOrGzipped() throws IOException {
        IdxBytes.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxBytes.gzip(IdxBytes.images(3, 2, 2, IdxBytes.pattern(3, 2, 2))));
        IdxBytes.write(dir.resolve("train-labels-idx1-ubyte"), IdxBytes.labels(new byte[] {5, 6, 7}));
        IdxBytes.write(dir.resolve("t10k-images-idx3-ubyte"), IdxBytes.images(2, 2, 2, IdxBytes.pattern(2, 2, 2)));
        IdxBytes.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxBytes.gzip(IdxBytes.labels(new byte[] {8, 9})));

        DatasetSplit split = IdxFolder.load(dir, "Mini");
        assertEquals(3, split.train().size());
        assertEquals(2, split.test().size());
        assertEquals(7, split.train().label(2));
        assertEquals(9, split.test().label(1));
        assertEquals("Mini train", split.train().name());
    }

    @Test
    void listsEveryMissingFile() throws IOException {
        IdxBytes.write(dir.resolve("train-images-idx3-ubyte"), IdxBytes.images(1, 2, 2, new byte[4]));
        IdxBytes.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxBytes.labels(new byte[] {1}));
        IOException e = assertThrows(IOException.class, () -> IdxFolder.load(dir));
        String message = e.getMessage();
        assertTrue(message.contains(dir.toString()), message);
        assertTrue(message.contains("train-labels-idx1-ubyte[.gz]"), message);
        assertTrue(message.contains("t10k-images-idx3-ubyte[.gz]"), message);
        assertTrue(!message.contains("train-images"), message);
    }

    @Test
    void aMissingFolderIsNamed() {
        Path nowhere = dir.resolve("nowhere");
        IOException e = assertThrows(IOException.class, () -> IdxFolder.load(nowhere));
        assertTrue(e.getMessage().contains(nowhere.toString()), e.getMessage());
    }
}
