package org.trainlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files for tests. */
final class IdxBytes {

    private IdxBytes() {
    }

    static byte[] header(int magic, int... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.array();
    }

    static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return concat(header(IdxReader.IMAGES_MAGIC, count, rows, cols), pixels);
    }

    static byte[] labels(byte[] labels) {
        return concat(header(IdxReader.LABELS_MAGIC, labels.length), labels);
    }

    /** Pixels that differ from image to image and position to position, so mix-ups show. */
    static byte[] pattern(int count, int rows, int cols) {
        byte[] pixels = new byte[count * rows * cols];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) (k * 37 + k / (rows * cols) * 11);
        }
        return pixels;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] data) throws IOException {
        Files.write(file, data);
        return file;
    }
}
