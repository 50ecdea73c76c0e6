package org.trainlab.experiment.json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.trainlab.experiment.io.AtomicFiles;
import org.trainlab.experiment.record.RunRecord;
import org.trainlab.experiment.text.StateNote;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Run records as JSON files. Non-finite metrics (a diverged loss) are written as the strings "NaN",
 * "Infinity" and "-Infinity" and read back as such. Every field must be present except inside
 * {@code settings}, which is read like a settings file so older records gain new settings' defaults.
 * {@code message} is a {@code {"key", "args"}} note; in older records it is a sentence, read as it is.
 * The settings are not range-checked: a record is history, kept as it ran. {@code inside} may be absent
 * (records written before TrainLab measured it): it reads as empty.
 */
public final class RunRecordJson {

    private static final ObjectReader READER = JsonMapping.MAPPER.readerFor(RunRecord.class)
            .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private RunRecordJson() {
    }

    public static String write(RunRecord record) {
        try {
            return JsonMapping.MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes atomically, so a run's file is never seen half-written while the run goes on. */
    public static void write(Path file, RunRecord record) throws IOException {
        AtomicFiles.writeOwnerOnly(file, write(record) + "\n");
    }

    /** @throws SettingsFormatException if the text is not a run record this version can read */
    public static RunRecord read(String json) {
        ObjectNode root = SettingsJson.parseObject(json);
        checkFormatVersion(root);
        if (root.has("settings")) {
            root.set("settings", SettingsJson.overDefaults(root.get("settings")));
        }
        if (!root.has("inside")) {
            root.putArray("inside"); // records from before the inside figures
        }
        if (root.get("message") != null && root.get("message").isTextual()) {
            // records from before state notes had keys: the sentence is kept as it is
            root.set("message", JsonMapping.MAPPER.valueToTree(StateNote.text(root.get("message").asText())));
        }
        try {
            return READER.readValue(root);
        } catch (JacksonException e) {
            throw JsonErrors.translate(e, root, RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RunRecord read(Path file) throws IOException {
        return read(JsonFiles.readText(file));
    }

    private static void checkFormatVersion(ObjectNode root) {
        JsonNode version = root.get("formatVersion");
        if (version == null) {
            String hint = root.has("optimizer") || root.has("training") ? "; it looks like a settings file" : "";
            throw new SettingsFormatException("not a TrainLab run record: it has no 'formatVersion' field"
                    + " (expected \"" + RunRecord.FORMAT_VERSION + "\")" + hint);
        }
        if (!version.isTextual() || !version.asText().equals(RunRecord.FORMAT_VERSION)) {
            throw new SettingsFormatException("formatVersion: " + JsonErrors.describeNode(version)
                    + " is not a run record format this TrainLab reads (it reads \"" + RunRecord.FORMAT_VERSION + "\")");
        }
    }
}
