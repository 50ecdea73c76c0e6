package org.trainlab.experiment.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * File writes that never leave a half-written file behind, even if the program dies mid-write: a
 * temporary file in the target's folder, forced to disk, then renamed over the target.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** The user's own records (settings, run records, sessions), as UTF-8, readable by the owner only. */
    public static void writeOwnerOnly(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** Writes a file's content to a stream (which the caller must not close). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * As {@link #writeOwnerOnly(Path, String)}, with the content streamed to the file as it is made, so a
     * large file (a session of many runs) is never held in memory whole.
     */
    public static void writeOwnerOnly(Path target, Content content) throws IOException {
        write(target, true, channel -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            content.writeTo(out);
            out.flush();
        });
    }

    /** Exports meant to be shared (a course web folder, a colleague), as UTF-8, with the user's usual permissions. */
    public static void writeShared(Path target, String text) throws IOException {
        writeShared(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Exported bytes (a chart's PNG), with the user's usual permissions. */
    public static void writeShared(Path target, byte[] content) throws IOException {
        write(target, content, false);
    }

    /**
     * @param ownerOnly true for the user's own records (settings, sessions, autosave), which only
     *                  the owner may read; false for exports meant to be shared, which get the
     *                  user's usual permissions
     */
    public static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        write(target, ownerOnly, channel -> {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        });
    }

    private interface ChannelContent {
        void writeTo(FileChannel channel) throws IOException;
    }

    private static void write(Path target, boolean ownerOnly, ChannelContent content) throws IOException {
        Path file = target.toAbsolutePath();
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path temp = ownerOnly
                ? Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp")
                : folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, ownerOnly
                    ? new StandardOpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING}
                    : new StandardOpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE})) {
                content.writeTo(channel);
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
