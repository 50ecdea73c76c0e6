package org.trainlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    @TempDir
    Path dir;

    private final byte[] pixels = IdxBytes.pattern(5, 3, 4);
    private final byte[] labels = {3, 0, 9, 1, 7};

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void roundTripsImagesAndLabels(boolean gzip) throws IOException {
        Path images = write("images", IdxBytes.images(5, 3, 4, pixels), gzip);
        Path labelFile = write("labels", IdxBytes.labels(labels), gzip);

        IdxReader.Images read = IdxReader.readImages(images);
        assertEquals(5, read.count());
        assertEquals(3, read.rows());
        assertEquals(4, read.cols());
        assertArrayEquals(pixels, read.pixels());
        assertArrayEquals(labels, IdxReader.readLabels(labelFile, 10));
    }

    @Test
    void detectsGzipByContentNotByName() throws IOException {
        Path gzNamedRaw = IdxBytes.write(dir.resolve("raw.gz"), IdxBytes.images(5, 3, 4, pixels));
        Path rawNamedGz = IdxBytes.write(dir.resolve("compressed.idx"), IdxBytes.gzip(IdxBytes.images(5, 3, 4, pixels)));
        assertArrayEquals(pixels, IdxReader.readImages(gzNamedRaw).pixels());
        assertArrayEquals(pixels, IdxReader.readImages(rawNamedGz).pixels());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedPayloadIsAnError(boolean gzip) throws IOException {
        byte[] whole = IdxBytes.images(5, 3, 4, pixels);
        Path file = write("cut-images", Arrays.copyOf(whole, whole.length - 7), gzip);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertMessage(e, file, "expected 60 pixel bytes after the header, found 53", "truncated");
    }

    @Test
    void truncatedHeaderIsAnError() throws IOException {
        Path file = IdxBytes.write(dir.resolve("short"), Arrays.copyOf(IdxBytes.images(5, 3, 4, pixels), 10));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertMessage(e, file, "header ends after 10 bytes, expected 16");
    }

    @Test
    void trailingBytesAreAnError() throws IOException {
        Path file = IdxBytes.write(dir.resolve("long-labels"), IdxBytes.concat(IdxBytes.labels(labels), new byte[3]));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file, 10));
        assertMessage(e, file, "3 unexpected bytes after the 5 label bytes");
    }

    @Test
    void wrongMagicIsAnError() throws IOException {
        byte[] data = IdxBytes.images(5, 3, 4, pixels);
        data[2] = 0x0d; // element type int instead of unsigned byte
        Path file = IdxBytes.write(dir.resolve("ints"), data);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertMessage(e, file, "magic number is 3331, expected 2051");
    }

    @Test
    void wrongDimensionCountIsAnError() throws IOException {
        Path labelsAsImages = IdxBytes.write(dir.resolve("labels-not-images"), IdxBytes.labels(labels));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(labelsAsImages));
        assertMessage(e, labelsAsImages, "declares 1 dimension(s), expected 3");

        Path fourDims = IdxBytes.write(dir.resolve("four-dims"),
                IdxBytes.concat(IdxBytes.header(0x804, 5, 3, 4, 1), pixels));
        e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(fourDims));
        assertMessage(e, fourDims, "declares 4 dimension(s), expected 3");
    }

    @Test
    void zeroImageSizeIsAnError() throws IOException {
        Path file = IdxBytes.write(dir.resolve("flat"), IdxBytes.images(5, 0, 4, new byte[0]));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertMessage(e, file, "image size must be positive", "0x4");
    }

    @Test
    void labelOutsideTheClassCountIsAnError() throws IOException {
        Path file = IdxBytes.write(dir.resolve("labels"), IdxBytes.labels(new byte[] {1, 2, 10}));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file, 10));
        assertMessage(e, file, "label 10 at index 2 is outside 0..9");
        assertEquals(3, IdxReader.readLabels(file, 11).length);
    }

    @Test
    void mismatchedImageAndLabelCountsAreAnError() throws IOException {
        Path images = IdxBytes.write(dir.resolve("five-images"), IdxBytes.images(5, 3, 4, pixels));
        Path fourLabels = IdxBytes.write(dir.resolve("four-labels"), IdxBytes.labels(Arrays.copyOf(labels, 4)));
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> Dataset.fromIdx(images, fourLabels, "pair"));
        assertMessage(e, images, "holds 5 images but four-labels holds 4 labels");
    }

    @Test
    void corruptGzipIsAnError() throws IOException {
        byte[] gz = IdxBytes.gzip(IdxBytes.images(5, 3, 4, pixels));
        for (int k = 12; k < gz.length - 8; k++) {
            gz[k] ^= 0x5a;
        }
        Path file = IdxBytes.write(dir.resolve("scrambled.gz"), gz);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertMessage(e, file, "gzip");
    }

    @Test
    void gzipCutShortIsAnError() throws IOException {
        byte[] gz = IdxBytes.gzip(IdxBytes.images(5, 3, 4, pixels));
        Path file = IdxBytes.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertMessage(e, file, "truncated");
    }

    private Path write(String name, byte[] data, boolean gzip) throws IOException {
        return IdxBytes.write(dir.resolve(name + (gzip ? ".gz" : "")), gzip ? IdxBytes.gzip(data) : data);
    }

    private static void assertMessage(Exception e, Path file, String... parts) {
        String message = e.getMessage();
        assertTrue(message.startsWith(file.getFileName().toString() + ":")
                        || message.startsWith(file.getFileName().toString() + " "),
                "message should start with the file name: " + message);
        for (String part : parts) {
            assertTrue(message.contains(part), "message should mention '" + part + "': " + message);
        }
    }
}
