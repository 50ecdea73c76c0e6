package org.trainlab.experiment.json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.trainlab.experiment.io.AtomicFiles;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.validation.SettingsValidator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Settings as JSON files. Reading is forgiving about what is left out (missing sections and fields
 * keep their {@link Defaults}, so a hand-written file can hold just what differs) and strict about
 * what is there: unknown fields, wrong types and unknown names are {@link SettingsFormatException}s,
 * out-of-range values {@link InvalidSettingsException}s.
 */
public final class SettingsJson {

    private SettingsJson() {
    }

    /** Pretty-printed JSON with every field; enums by name. Does not validate, so drafts can be saved. */
    public static String write(ExperimentSettings settings) {
        try {
            return JsonMapping.MAPPER.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // records of plain values always serialize
        }
    }

    /** Writes atomically: readers see the old file or the new one, never a part. */
    public static void write(Path file, ExperimentSettings settings) throws IOException {
        AtomicFiles.writeOwnerOnly(file, write(settings) + "\n");
    }

    /**
     * @throws SettingsFormatException  if the JSON is malformed or does not match the settings' shape
     * @throws InvalidSettingsException if values are out of range
     */
    public static ExperimentSettings read(String json) {
        JsonNode root = parseObject(json);
        if (root.has("formatVersion")) {
            throw new SettingsFormatException(
                    "this is a run record, not a settings file: the run's settings are under 'settings'");
        }
        return SettingsValidator.validateOrThrow(fromTree(root));
    }

    /** As {@link #read(String)}, from a UTF-8 file. */
    public static ExperimentSettings read(Path file) throws IOException {
        return read(JsonFiles.readText(file));
    }

    /** Parses JSON that must be an object, or says why not. */
    static ObjectNode parseObject(String json) {
        JsonNode root;
        try {
            root = JsonMapping.MAPPER.readTree(json);
        } catch (StreamReadException e) {
            throw JsonErrors.notJson(e);
        } catch (MismatchedInputException e) {
            // the only mapping check on a bare tree: FAIL_ON_TRAILING_TOKENS
            throw JsonErrors.notJson(e.getLocation(), "unexpected content after the end of the JSON value", e);
        } catch (JacksonException e) {
            throw new SettingsFormatException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new SettingsFormatException("no JSON found: the text is empty");
        }
        if (!(root instanceof ObjectNode object)) {
            throw new SettingsFormatException("top level: expected an object, got " + JsonErrors.describeNode(root));
        }
        return object;
    }

    /** The defaults with the given settings tree laid over them; not validated. */
    static ExperimentSettings fromTree(JsonNode settings) {
        JsonNode merged = overDefaults(settings);
        try {
            return JsonMapping.MAPPER.readerFor(ExperimentSettings.class).readValue(merged);
        } catch (JacksonException e) {
            throw JsonErrors.translate(e, merged, ExperimentSettings.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a tree in memory has no I/O
        }
    }

    /** Deep merge: objects merge field by field, anything else (arrays included) replaces the default. */
    static JsonNode overDefaults(JsonNode settings) {
        if (!(settings instanceof ObjectNode given)) {
            return settings;
        }
        ObjectNode merged = JsonMapping.MAPPER.valueToTree(Defaults.settings());
        StrictJson.merge(merged, given);
        return merged;
    }

}
