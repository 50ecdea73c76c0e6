package org.trainlab.experiment.json;

import org.trainlab.experiment.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** File writes that never leave a half-written file behind, even if the program dies mid-write. */
final class JsonFiles {

    private JsonFiles() {
    }

    /** Owner-only and atomic: see {@link AtomicFiles}. */
    static void writeAtomically(Path target, String text) throws IOException {
        AtomicFiles.write(target, text.getBytes(StandardCharsets.UTF_8), true);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
