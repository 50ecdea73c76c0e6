package org.trainlab.session;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trainlab.data.AppDirs;
import org.trainlab.experiment.record.RunState;

/**
 * A session file that is kept up to date while the program works, and a "clean" marker beside it that
 * says the program ended normally. Writes are atomic, so after a crash or {@code kill -9} the file holds
 * the last complete save; a missing marker means the next start should offer to restore it
 * ({@link #findRecoverable()}).
 *
 * <p>The workbench's autosave is {@link #autosave()}: {@code <data folder>/autosave/session.json}, with
 * the marker {@code session.json.clean}. Safe to use from several threads.
 */
public final class SessionStore {

    public static final String AUTOSAVE_FOLDER = "autosave";
    public static final String AUTOSAVE_FILE = "session.json";
    static final String CLEAN_SUFFIX = ".clean";

    /**
     * Writes a session file; the real one is {@link SessionJson#write(Path, Session)} (atomic) with a
     * {@link SessionWriter#remembering()} writer, since a store writes the same session again and again.
     * Tests inject failures.
     */
    @FunctionalInterface
    interface Writer {
        void write(Path file, Session session) throws IOException;
    }

    private final Path file;
    private final Path cleanMarker;
    private final Writer writer;

    public SessionStore(Path file) {
        this(file, rememberingWriter());
    }

    private static Writer rememberingWriter() {
        SessionWriter writer = SessionWriter.remembering();
        return (file, session) -> SessionJson.write(file, session, writer);
    }

    SessionStore(Path file, Writer writer) {
        this.file = file.toAbsolutePath();
        this.cleanMarker = this.file.resolveSibling(this.file.getFileName() + CLEAN_SUFFIX);
        this.writer = writer;
    }

    /** The workbench's autosave in the user's data folder (see {@link AppDirs#dataDir()}). */
    public static SessionStore autosave() {
        return new SessionStore(AppDirs.dataDir().resolve(AUTOSAVE_FOLDER).resolve(AUTOSAVE_FILE));
    }

    public Path file() {
        return file;
    }

    /** Writes the session atomically and marks the store as not cleanly closed. */
    public synchronized void save(Session session) throws IOException {
        Files.deleteIfExists(cleanMarker);
        writer.write(file, session);
    }

    /** Records that the program ended normally: the saved session needs no recovery. */
    public synchronized void markClean() throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(cleanMarker)) {
            Files.createFile(cleanMarker);
        }
    }

    /** Deletes the saved session and its marker. */
    public synchronized void discard() throws IOException {
        Files.deleteIfExists(file);
        SessionWeights.discard(file);
        Files.deleteIfExists(cleanMarker);
    }

    /** Whether a session is saved and the program that saved it did not end normally. */
    public synchronized boolean hasRecoverable() {
        return Files.isRegularFile(file) && !Files.exists(cleanMarker);
    }

    /**
     * At start-up: the session left by a program that did not end normally, ready to open. Runs that were
     * queued, preparing, running or paused come back {@link RunState#STOPPED} with every finished epoch
     * and the message "interrupted: restored N finished epochs". Left-over temporary files of a write cut
     * short are removed. Nothing is changed on disk otherwise, so asking twice gives the same answer.
     *
     * @return empty when there is no saved session or the program ended normally
     * @throws SessionFormatException if the saved session cannot be read; the file is then moved aside
     *                                (the message names where), so the next start is not asked again
     */
    public synchronized Optional<Session> findRecoverable() throws IOException {
        removeLeftOverTemporaryFiles();
        if (!hasRecoverable()) {
            return Optional.empty();
        }
        try {
            return Optional.of(interrupted(SessionJson.read(file)));
        } catch (SessionFormatException e) {
            Path aside = setAside();
            throw new SessionFormatException(e.getMessage() + " It was kept as " + aside + ".", e);
        }
    }

    /** When the saved session was last written, if there is one. */
    public Optional<Instant> savedAt() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        FileTime time = Files.getLastModifiedTime(file);
        return Optional.of(time.toInstant());
    }

    /** The session as restored after a crash: unfinished runs stopped, with what they had finished. */
    public static Session interrupted(Session session) {
        return Interruption.stop(session, state -> !state.isFinal());
    }

    private Path setAside() throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
                .format(Instant.now().atOffset(ZoneOffset.UTC));
        String name = file.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        Path aside = file.resolveSibling(base + ".damaged-" + stamp + ".json");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        return aside;
    }

    /**
     * Temporary files of atomic writes start with "." + the file's name and end with ".tmp". Only those
     * older than a minute go, so a write in progress in another process is left alone.
     */
    private void removeLeftOverTemporaryFiles() throws IOException {
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "." + file.getFileName() + ".*.tmp")) {
            entries.forEach(stale::add);
        }
        Instant cutoff = Instant.now().minusSeconds(60);
        for (Path p : stale) {
            if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                Files.deleteIfExists(p);
            }
        }
    }
}
