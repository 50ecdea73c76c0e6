package org.trainlab.experiment.json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.trainlab.experiment.io.AtomicFiles;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON handling of settings and run records, for other file formats built on them (sessions,
 * presets): strict reading with messages that name the JSON path, stable pretty writing, atomic files.
 * Errors are {@link SettingsFormatException}s; callers that own a format may rewrap them.
 */
public final class StrictJson {

    private static final ObjectWriter INLINE_ARRAYS = JsonMapping.MAPPER.writer(inlineArraysPrinter());
    private static final ObjectWriter ONE_LINE = JsonMapping.MAPPER.writer(oneLinePrinter());

    private StrictJson() {
    }

    /** Parses text that must hold one JSON object, or says why not (line and column for malformed JSON). */
    public static ObjectNode parseObject(String json) {
        return SettingsJson.parseObject(json);
    }

    /**
     * Converts a tree into a record type, strictly: unknown fields, missing fields, wrong types and
     * unknown enum names are errors naming their path, e.g. {@code runs[2].epochs[0]: missing field 'testLoss'}.
     */
    public static <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return JsonMapping.MAPPER.readerFor(type)
                    .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .readValue(tree);
        } catch (JacksonException e) {
            throw JsonErrors.translate(e, tree, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a tree in memory has no I/O
        }
    }

    /** A tree of any value made of records, lists and plain values (the inverse of {@link #convert}). */
    public static ObjectNode toTree(Object value) {
        return JsonMapping.MAPPER.valueToTree(value);
    }

    /** Pretty-printed, two-space indented, the same bytes on every OS; non-finite numbers as "NaN" etc. */
    public static String write(Object value) {
        try {
            return JsonMapping.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #write(Object)}, but every array on one line ({@code [1, 2.5]}): for files holding long
     * lists of numbers, such as loss curves, which would otherwise take a line per number.
     */
    public static String writeWithInlineArrays(Object value) {
        try {
            return INLINE_ARRAYS.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On one line, with a space after every separator: {@code {"a": 1, "b": [1, 2]}}; non-finite numbers as "NaN" etc. */
    public static String writeOneLine(Object value) {
        try {
            return ONE_LINE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A writer as {@link #writeWithInlineArrays}, except that every value of {@code type} is the text
     * {@code oneLine} gives for it, which must be one JSON value (usually {@link #writeOneLine}, or that text
     * kept from an earlier write). The writer leaves the streams it writes to open.
     */
    public static <T> ObjectWriter inlineArraysWriter(Class<T> type, Function<T, String> oneLine) {
        SimpleModule module = new SimpleModule("one line: " + type.getSimpleName());
        module.addSerializer(type, new StdSerializer<T>(type) {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeRawValue(oneLine.apply(value));
            }
        });
        return JsonMapping.MAPPER.copy().registerModule(module).writer(inlineArraysPrinter())
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Writes to a temporary file in the target's folder, forces it to disk, then renames it over the target. */
    public static void writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.writeOwnerOnly(file, text);
    }

    /** A UTF-8 text file, without the byte-order mark some Windows editors put first. */
    public static String read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static DefaultPrettyPrinter inlineArraysPrinter() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(new DefaultPrettyPrinter.NopIndenter());
        return printer;
    }

    private static DefaultPrettyPrinter oneLinePrinter() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEntrySpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator(""));
        printer.indentObjectsWith(new DefaultPrettyPrinter.NopIndenter());
        printer.indentArraysWith(new DefaultPrettyPrinter.NopIndenter());
        return printer;
    }

    /** Deep merge into {@code target}: objects merge field by field, anything else (arrays included) replaces. */
    public static ObjectNode merge(ObjectNode target, ObjectNode update) {
        for (Iterator<Map.Entry<String, JsonNode>> it = update.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (target.get(field.getKey()) instanceof ObjectNode existing && field.getValue() instanceof ObjectNode value) {
                merge(existing, value);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return target;
    }

    public static String describe(JsonNode node) {
        return JsonErrors.describeNode(node);
    }

    /** Settings as stored inside another file: the defaults with the given tree laid over them, not range-checked. */
    public static JsonNode settingsOverDefaults(JsonNode settings) {
        return SettingsJson.overDefaults(settings);
    }
}
