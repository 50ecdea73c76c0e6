package org.trainlab.session;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.io.AtomicFiles;
import org.trainlab.experiment.json.StrictJson;

/**
 * Writes sessions in the format {@link SessionJson} describes, each run's inside figures on one line,
 * like every array. Most of a session's bytes are those figures (the overfitting preset's session at its
 * end: 10.6 MB, 15.4 MB when they were indented), and an epoch's figures never change once measured, so a writer that {@linkplain #remembering() remembers}
 * keeps the text of every epoch it wrote and writes it again as it is: the autosave, which writes the
 * same session over and over, then turns into text only the epochs that are new. The text is kept
 * for the epochs of the last write only, so a removed run's figures are let go at the next write.
 *
 * <p>The file is streamed, never held in memory whole. Safe to use from several threads.
 */
final class SessionWriter {

    private static final SessionWriter FORGETFUL = new SessionWriter(false);

    private final boolean remembering;
    private final ObjectWriter writer = StrictJson.inlineArraysWriter(InsideEpoch.class, this::text);
    /** The text of every epoch of the last write, by identity: equal figures of two runs are two entries. */
    private Map<InsideEpoch, String> written = new IdentityHashMap<>();
    private Map<InsideEpoch, String> writing = new IdentityHashMap<>();
    private int turnedIntoText;

    private SessionWriter(boolean remembering) {
        this.remembering = remembering;
    }

    /** The writer that turns every epoch into text each time, and keeps nothing. */
    static SessionWriter forgetful() {
        return FORGETFUL;
    }

    /** A writer for one file written again and again: it keeps the text of the epochs it last wrote. */
    static SessionWriter remembering() {
        return new SessionWriter(true);
    }

    synchronized String write(Session session) {
        writing.clear();
        try {
            return finish(writer.writeValueAsString(session));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Atomically, as {@link AtomicFiles#writeOwnerOnly(Path, AtomicFiles.Content)}, ending with a new line. */
    synchronized void write(Path file, Session session) throws IOException {
        writing.clear(); // what a failed write had gathered
        AtomicFiles.writeOwnerOnly(file, out -> {
            writer.writeValue(out, session);
            out.write('\n');
        });
        finish(null);
    }

    /** Number of epochs whose text is kept (for tests). */
    synchronized int kept() {
        return written.size();
    }

    /** Number of epochs turned into text so far, as opposed to written again from what was kept (for tests). */
    synchronized int turnedIntoText() {
        return turnedIntoText;
    }

    /** After a write that worked: keep what it wrote, and only that. */
    private <T> T finish(T result) {
        if (remembering) {
            Map<InsideEpoch, String> before = written;
            written = writing;
            writing = before;
            writing.clear();
        }
        return result;
    }

    private String text(InsideEpoch epoch) {
        String text = written.get(epoch);
        if (text == null) {
            text = StrictJson.writeOneLine(epoch);
            turnedIntoText++;
        }
        if (remembering) {
            writing.put(epoch, text);
        }
        return text;
    }
}
