package org.trainlab.export;

import org.trainlab.experiment.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Exported files (CSV, code, charts, settings), written atomically: a temporary file in the target's
 * folder, forced to disk, renamed over the target, so a half-written export never replaces a good one.
 * Unlike the session and autosave files, exports are meant to be shared (a course web folder, a
 * colleague), so they get the user's usual permissions rather than owner-only ones.
 */
public final class ExportFiles {

    private ExportFiles() {
    }

    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) throws IOException {
        AtomicFiles.write(target, content, false);
    }
}
