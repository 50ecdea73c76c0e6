package org.trainlab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX image files (magic 2051, dims count x rows x cols) and label files (magic 2049, dims
 * count), raw or gzip-compressed. Gzip is recognised by its 0x1f 0x8b header, not by the file name,
 * because renamed downloads are common. Every check is strict: the header counts must match the
 * payload length exactly, so a truncated download or trailing garbage is an error, never a silently
 * shorter dataset.
 */
public final class IdxReader {

    public static final int IMAGES_MAGIC = 2051;
    public static final int LABELS_MAGIC = 2049;

    /** The decoded payload of an image file: unsigned bytes, row-major, image after image. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
    }

    private IdxReader() {
    }

    public static Images readImages(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(in, file.getFileName().toString());
        }
    }

    /** Labels must lie in 0..classes-1. */
    public static byte[] readLabels(Path file, int classes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.getFileName().toString(), classes);
        }
    }

    /** @param source the name used in error messages, usually the file name */
    public static Images readImages(InputStream raw, String source) throws IOException {
        InputStream in = decompressIfGzip(raw, source);
        int[] dims = readHeader(in, source, IMAGES_MAGIC, 3, "image");
        int count = dims[0];
        int rows = dims[1];
        int cols = dims[2];
        if (rows <= 0 || cols <= 0) {
            throw new IdxFormatException(source + ": image size must be positive, header says "
                    + rows + "x" + cols);
        }
        // each factor is below 2^31, so the product of three can overflow a long: divide instead
        long limit = Integer.MAX_VALUE - 16;
        if ((long) rows * cols > limit || count > limit / ((long) rows * cols)) {
            throw new IdxFormatException(source + ": header promises " + count + " images of " + rows
                    + "x" + cols + " bytes, more than this reader can hold");
        }
        long length = (long) count * rows * cols;
        byte[] pixels = readPayload(in, source, (int) length, "pixel");
        return new Images(count, rows, cols, pixels);
    }

    /** @param source the name used in error messages, usually the file name */
    public static byte[] readLabels(InputStream raw, String source, int classes) throws IOException {
        if (classes < 1 || classes > 256) {
            throw new IllegalArgumentException("classes must be in 1..256, was " + classes);
        }
        InputStream in = decompressIfGzip(raw, source);
        int count = readHeader(in, source, LABELS_MAGIC, 1, "label")[0];
        byte[] labels = readPayload(in, source, count, "label");
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xff;
            if (label >= classes) {
                throw new IdxFormatException(source + ": label " + label + " at index " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
        return labels;
    }

    private static InputStream decompressIfGzip(InputStream raw, String source) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 != 0x1f || b1 != 0x8b) {
            return in;
        }
        try {
            return new GzipErrors(new GZIPInputStream(in, 1 << 16), source);
        } catch (ZipException | EOFException e) {
            throw corruptGzip(source, e);
        }
    }

    /** Returns the dimension sizes after checking the magic number and the dimension count. */
    private static int[] readHeader(InputStream in, String source, int magic, int dimensions, String kind)
            throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length < 4) {
            throw new IdxFormatException(source + ": file is only " + head.length
                    + " bytes long, too short for an IDX header");
        }
        int found = bigEndian(head, 0);
        // Bytes 0-1 are zero, byte 2 is the element type (0x08 = unsigned byte), byte 3 the dimension count.
        if ((found >>> 8) != (magic >>> 8)) {
            throw new IdxFormatException(source + ": magic number is " + found + ", expected " + magic
                    + " for an IDX " + kind + " file");
        }
        int foundDims = found & 0xff;
        if (foundDims != dimensions) {
            throw new IdxFormatException(source + ": header declares " + foundDims
                    + " dimension(s), expected " + dimensions + " for an IDX " + kind + " file (magic "
                    + found + " instead of " + magic + ")");
        }
        byte[] sizes = in.readNBytes(4 * dimensions);
        if (sizes.length < 4 * dimensions) {
            throw new IdxFormatException(source + ": header ends after " + (4 + sizes.length)
                    + " bytes, expected " + (4 + 4 * dimensions) + " (file truncated?)");
        }
        int[] dims = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            dims[d] = bigEndian(sizes, 4 * d);
            if (dims[d] < 0) {
                throw new IdxFormatException(source + ": dimension " + d + " in the header is negative ("
                        + dims[d] + ")");
            }
        }
        return dims;
    }

    private static byte[] readPayload(InputStream in, String source, int expected, String what)
            throws IOException {
        // readNBytes grows its buffer as data arrives, so a corrupt header promising gigabytes
        // does not allocate them up front.
        byte[] payload = in.readNBytes(expected);
        if (payload.length < expected) {
            throw new IdxFormatException(source + ": expected " + expected + " " + what
                    + " bytes after the header, found " + payload.length + " (file truncated?)");
        }
        long extra = countRemaining(in);
        if (extra > 0) {
            throw new IdxFormatException(source + ": " + extra + " unexpected bytes after the "
                    + expected + " " + what + " bytes the header declares (trailing garbage?)");
        }
        return payload;
    }

    private static long countRemaining(InputStream in) throws IOException {
        long total = 0;
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
        }
        return total;
    }

    private static int bigEndian(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static IdxFormatException corruptGzip(String source, IOException e) {
        String why = e instanceof EOFException
                ? "gzip data ends early (file truncated?)"
                : "corrupt gzip data (" + e.getMessage() + ")";
        return new IdxFormatException(source + ": " + why, e);
    }

    /** Turns the inflater's bare exceptions into IdxFormatExceptions that name the file. */
    private static final class GzipErrors extends InputStream {
        private final InputStream in;
        private final String source;

        GzipErrors(InputStream in, String source) {
            this.in = in;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (ZipException | EOFException e) {
                throw corruptGzip(source, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw corruptGzip(source, e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
