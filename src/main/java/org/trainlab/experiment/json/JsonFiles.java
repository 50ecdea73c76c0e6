package org.trainlab.experiment.json;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the JSON files people name; writing goes through {@code AtomicFiles.writeOwnerOnly}. */
final class JsonFiles {

    private JsonFiles() {
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Far above any settings file or run record (a run of 1,000 epochs takes about 400 kB). */
    static final long MAX_TEXT_BYTES = 64L * 1024 * 1024;

    /**
     * As {@link #read}, for files a person names (a config, a run record): a file that is not UTF-8 text,
     * or far larger than any such file, is a {@link SettingsFormatException} saying so, read no further.
     */
    static String readText(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_TEXT_BYTES) {
            throw new SettingsFormatException("not a TrainLab JSON file: it is " + size / (1024 * 1024)
                    + " MB, far larger than any settings file or run record");
        }
        try {
            String text = read(file);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new SettingsFormatException("not a TrainLab JSON file: it is not UTF-8 text"
                    + " (it may be an image, an archive or another program's file)", e);
        }
    }
}
