package org.trainlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.fuzz.Fuzz;
import org.trainlab.fuzz.Mutations;

/**
 * Damaged and hostile IDX files, plain and gzip-compressed: truncated, bytes flipped or inserted, huge
 * or negative counts in the header, wrong magic numbers. Each is read from a file, which stays as it
 * was, and ends in a correct load or an {@link IdxFormatException}; never another exception, a hang or
 * an out-of-memory error.
 */
class IdxReaderFuzzTest {

    private static final byte[] IMAGES = IdxBytes.images(12, 28, 28, IdxBytes.pattern(12, 28, 28));
    private static final byte[] LABELS = IdxBytes.labels(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1});

    @TempDir
    Path temp;

    private record Input(boolean images, byte[] bytes) {
    }

    @Test
    void plainIdxFiles() {
        Fuzz.of("IDX plain", r -> mutate(r, false), this::readFile, IdxFormatException.class).runAndCheck();
    }

    @Test
    void gzipIdxFiles() {
        Fuzz.of("IDX gzip", r -> mutate(r, true), this::readFile, IdxFormatException.class).runAndCheck();
    }

    private static Input mutate(SplittableRandom r, boolean gzip) {
        boolean images = r.nextBoolean();
        byte[] valid = images ? IMAGES : LABELS;
        int headerInts = images ? 4 : 2;
        if (!gzip) {
            return new Input(images, Mutations.bytes(valid, r, headerInts));
        }
        // damaged content in a sound gzip stream, or a damaged gzip stream
        return new Input(images, r.nextBoolean()
                ? Mutations.gzip(Mutations.bytes(valid, r, headerInts))
                : Mutations.bytes(Mutations.gzip(valid), r, 0));
    }

    private void readFile(Input input) throws IOException {
        Path file = Files.write(temp.resolve(input.images ? "fuzz-images-idx3-ubyte" : "fuzz-labels-idx1-ubyte"), input.bytes);
        try {
            if (input.images) {
                IdxReader.Images images = IdxReader.readImages(file);
                assertEquals((long) images.count() * images.rows() * images.cols(), images.pixels().length);
            } else {
                IdxReader.readLabels(file, 10);
            }
        } finally {
            assertArrayEquals(input.bytes, Files.readAllBytes(file), "the file is left as it was");
        }
    }

    @Test
    void aHeaderPromisingGigabytesDoesNotAllocateThem() {
        // 2^30 images of 1x1 in a 20-byte file: refused after reading what is there, not after allocating 1 GB
        byte[] lying = IdxBytes.concat(IdxBytes.header(IdxReader.IMAGES_MAGIC, 1 << 30, 1, 1), new byte[4]);
        long before = usedHeap();
        IdxFormatException e = org.junit.jupiter.api.Assertions.assertThrows(IdxFormatException.class,
                () -> IdxReader.readImages(new ByteArrayInputStream(lying), "lying"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(usedHeap() - before < 256L << 20, "no gigabyte allocated");
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
