package org.trainlab.preset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.trainlab.data.AppDirs;
import org.trainlab.experiment.compare.Criterion;
import org.trainlab.experiment.compare.SeedPlan;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.SettingsException;
import org.trainlab.experiment.json.SettingsJson;
import org.trainlab.experiment.validation.SettingsValidator;
import org.trainlab.experiment.json.StrictJson;
import java.nio.charset.CharacterCodingException;

/**
 * Reads presets. A preset file:
 * <pre>
 * { "format": "trainlab-preset/1",
 *   "name": {"en": "...", "ko": "..."},
 *   "description": {"en": "...", "ko": "..."},
 *   "base": { partial settings, as in a settings file, without "name" },
 *   "runs": [ { "name": {"en": "...", "ko": "..."}, "settings": { partial settings laid over base } }, ... ],
 *   "seeds": 5,            optional, 1 to 20 (default 1): each run repeated with that many seeds, as a group
 *   "predict": "GAP",      optional, "GAP" or "ACCURACY": ask the class first which run will end with the
 *                          smallest gap or the best held-out accuracy
 *   "lesson": { "focus": ["decay", "dropout"], "lookFor": {"en": "...", "ko": "..."} } }
 * </pre>
 * {@code lesson} is optional: the technique sections that matter (ids of {@link Lesson#SECTIONS}) and one
 * line saying what to look for, both for the window's presentation view.
 * Each run's settings are the defaults, then {@code base}, then its own {@code settings} (objects merge
 * field by field, anything else replaces), and must be valid. English texts are required, other
 * languages optional.
 *
 * <p>The shipped presets are the classpath resources listed in {@code /assets/presets/index.json}
 * (a jar cannot be listed reliably); user presets are every {@code *.json} in
 * {@code <data folder>/presets/}. A user preset with the id (file name) of a shipped one replaces it.
 * A broken user preset is skipped with a message naming the file; it never stops the others.
 */
public final class PresetLoader {

    public static final String FORMAT = "trainlab-preset/1";
    public static final String BUNDLED_FOLDER = "/assets/presets/";
    public static final String INDEX = BUNDLED_FOLDER + "index.json";
    public static final String USER_FOLDER = "presets";

    private static final Set<String> TOP_FIELDS = Set.of("format", "name", "description", "base", "runs", "seeds",
            "predict", "lesson");
    private static final Set<String> LESSON_FIELDS = Set.of("focus", "lookFor");
    private static final Set<String> RUN_FIELDS = Set.of("name", "settings");

    /**
     * What was found.
     *
     * @param presets  the usable presets: shipped ones in index order, then the user's by file name
     * @param problems one message per skipped file, naming it
     */
    public record Result(List<Preset> presets, List<String> problems) {
        public Result {
            presets = List.copyOf(presets);
            problems = List.copyOf(problems);
        }
    }

    private PresetLoader() {
    }

    /** The user's preset folder: {@code <data folder>/presets}. */
    public static Path userFolder() {
        return AppDirs.dataDir().resolve(USER_FOLDER);
    }

    /** Shipped presets and those in {@link #userFolder()}. */
    public static Result loadAll() {
        return load(userFolder());
    }

    /** Shipped presets and those in {@code userFolder} (which may not exist). */
    public static Result load(Path userFolder) {
        Map<String, Preset> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            for (Preset p : loadBundled()) {
                byId.put(p.id(), p);
            }
        } catch (PresetFormatException e) {
            problems.add(e.getMessage());
        }
        for (Path file : userFiles(userFolder, problems)) {
            try {
                Preset p = read(file);
                byId.remove(p.id()); // a user's version of a shipped preset takes its place, listed with the user's
                byId.put(p.id(), p);
            } catch (PresetFormatException e) {
                problems.add(e.getMessage());
            } catch (IOException e) {
                problems.add(file + ": cannot be read: " + e.getMessage());
            }
        }
        return new Result(new ArrayList<>(byId.values()), problems);
    }

    /**
     * The presets shipped inside the program, in the order of the index.
     *
     * @throws PresetFormatException if the index or a shipped preset is missing or broken (a build mistake)
     */
    public static List<Preset> loadBundled() {
        ObjectNode index = parse(resource(INDEX), INDEX);
        JsonNode files = index.get("presets");
        if (!(files instanceof ArrayNode list) || index.size() != 1) {
            throw new PresetFormatException(INDEX + ": expected {\"presets\": [file names]}", null);
        }
        List<Preset> presets = new ArrayList<>();
        for (JsonNode file : list) {
            String name = file.asText();
            presets.add(parse(resource(BUNDLED_FOLDER + name), idOf(name), "assets/presets/" + name));
        }
        return presets;
    }

    /** One preset file; its id is the file name without ".json". */
    public static Preset read(Path file) throws IOException {
        String text;
        try {
            text = StrictJson.read(file);
        } catch (CharacterCodingException e) {
            throw new PresetFormatException(file + ": not a text file", e);
        }
        return parse(text, idOf(file.getFileName().toString()), file.toString());
    }

    /**
     * @param origin names the file in messages
     * @throws PresetFormatException naming the origin and the problem
     */
    public static Preset parse(String json, String id, String origin) {
        ObjectNode root = parse(json, origin);
        JsonNode format = root.get("format");
        if (format == null) {
            throw problem(origin, whatItIsInstead(root));
        }
        if (!format.isTextual() || !format.asText().equals(FORMAT)) {
            throw problem(origin, "format: " + StrictJson.describe(format) + " is not a preset format this TrainLab"
                    + " reads (it reads \"" + FORMAT + "\")");
        }
        onlyFields(root, TOP_FIELDS, "top level", origin);
        LocalizedText name = text(root.get("name"), "name", origin);
        LocalizedText description = text(root.get("description"), "description", origin);
        ObjectNode base = object(root.get("base"), "base", origin, true);
        if (base.has("name")) {
            throw problem(origin, "base.name: leave it out; each run's name comes from runs[i].name");
        }
        check(origin, "base", () -> SettingsJson.read(withName(base, "base").toString()));
        JsonNode runsNode = root.get("runs");
        if (!(runsNode instanceof ArrayNode runsArray) || runsArray.isEmpty()) {
            throw problem(origin, "runs: expected a non-empty array of runs, got "
                    + (runsNode == null ? "nothing" : StrictJson.describe(runsNode)));
        }
        List<Preset.Run> runs = new ArrayList<>();
        for (int i = 0; i < runsArray.size(); i++) {
            String where = "runs[" + i + "]";
            ObjectNode run = object(runsArray.get(i), where, origin, false);
            onlyFields(run, RUN_FIELDS, where, origin);
            LocalizedText runName = text(run.get("name"), where + ".name", origin);
            for (Map.Entry<String, String> e : runName.byLanguage().entrySet()) {
                if (e.getValue().isBlank() || e.getValue().length() > SettingsValidator.MAX_NAME_LENGTH) {
                    throw problem(origin, where + ".name." + e.getKey() + ": must be 1 to "
                            + SettingsValidator.MAX_NAME_LENGTH + " characters");
                }
            }
            ObjectNode own = object(run.get("settings"), where + ".settings", origin, true);
            if (own.has("name")) {
                throw problem(origin, where + ".settings.name: leave it out; the run's name is " + where + ".name");
            }
            ObjectNode merged = StrictJson.merge(base.deepCopy(), own);
            ExperimentSettings settings = check(origin, where + " (\"" + runName + "\")",
                    () -> SettingsJson.read(withName(merged, runName.toString()).toString()));
            runs.add(new Preset.Run(runName, settings));
        }
        return new Preset(id, origin, name, description, runs, seeds(root.get("seeds"), origin),
                predict(root.get("predict"), origin), lesson(root.get("lesson"), origin));
    }

    private static int seeds(JsonNode node, String origin) {
        if (node == null) {
            return 1;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw problem(origin, "seeds: expected a whole number of seeds, got " + StrictJson.describe(node));
        }
        String problem = SeedPlan.problem(node.intValue());
        if (problem != null) {
            throw problem(origin, "seeds: " + problem);
        }
        return node.intValue();
    }

    private static Criterion predict(JsonNode node, String origin) {
        if (node == null || node.isNull()) {
            return null;
        }
        for (Criterion c : Criterion.values()) {
            if (node.isTextual() && node.asText().equals(c.name())) {
                return c;
            }
        }
        throw problem(origin, "predict: expected \"GAP\" (smallest gap) or \"ACCURACY\" (best held-out accuracy), got "
                + StrictJson.describe(node));
    }

    /** The optional "lesson": known section ids, each once, and a one-line text in English (and more). */
    private static Lesson lesson(JsonNode node, String origin) {
        if (node == null) {
            return Lesson.NONE;
        }
        ObjectNode lesson = object(node, "lesson", origin, false);
        onlyFields(lesson, LESSON_FIELDS, "lesson", origin);
        List<String> focus = new ArrayList<>();
        JsonNode focusNode = lesson.get("focus");
        if (focusNode != null) {
            if (!(focusNode instanceof ArrayNode array)) {
                throw problem(origin, "lesson.focus: expected an array of section ids (" + String.join(", ", Lesson.SECTIONS)
                        + "), got " + StrictJson.describe(focusNode));
            }
            for (int i = 0; i < array.size(); i++) {
                JsonNode id = array.get(i);
                if (!id.isTextual() || !Lesson.SECTIONS.contains(id.asText())) {
                    throw problem(origin, "lesson.focus[" + i + "]: " + StrictJson.describe(id) + " is not a section (known: "
                            + String.join(", ", Lesson.SECTIONS) + ")");
                }
                if (focus.contains(id.asText())) {
                    throw problem(origin, "lesson.focus[" + i + "]: \"" + id.asText() + "\" is named twice");
                }
                focus.add(id.asText());
            }
        }
        LocalizedText lookFor = lesson.has("lookFor") ? text(lesson.get("lookFor"), "lesson.lookFor", origin) : null;
        if (lookFor != null) {
            for (Map.Entry<String, String> e : lookFor.byLanguage().entrySet()) {
                if (e.getValue().isBlank() || e.getValue().length() > Lesson.MAX_LOOK_FOR || e.getValue().contains("\n")) {
                    throw problem(origin, "lesson.lookFor." + e.getKey() + ": must be one line of 1 to "
                            + Lesson.MAX_LOOK_FOR + " characters");
                }
            }
        }
        return new Lesson(focus, lookFor);
    }

    private static String whatItIsInstead(ObjectNode root) {
        JsonNode version = root.get("formatVersion");
        if (version != null && version.asText().startsWith("trainlab-session/")) {
            return "this is a TrainLab session, not a preset: open it as a session";
        }
        if (version != null && version.asText().startsWith("trainlab-run/")) {
            return "this is a TrainLab run record, not a preset";
        }
        if (root.has("optimizer") || root.has("training") || root.has("model")) {
            return "this is a settings file, not a preset: a preset has \"format\": \"" + FORMAT
                    + "\", a name, a base and runs";
        }
        return "not a TrainLab preset: it has no 'format' field (expected \"" + FORMAT + "\")";
    }

    private static ObjectNode parse(String json, String origin) {
        try {
            return StrictJson.parseObject(json);
        } catch (SettingsException e) {
            throw problem(origin, e.getMessage());
        }
    }

    private interface SettingsRead {
        ExperimentSettings read();
    }

    private static ExperimentSettings check(String origin, String where, SettingsRead read) {
        try {
            return read.read();
        } catch (SettingsException e) {
            throw problem(origin, where + ": " + e.getMessage().replace("\n", "; "));
        }
    }

    private static ObjectNode withName(ObjectNode settings, String name) {
        ObjectNode copy = settings.deepCopy();
        copy.put("name", name);
        return copy;
    }

    private static void onlyFields(ObjectNode node, Set<String> allowed, String where, String origin) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw problem(origin, "unknown field '" + field + "' at " + where + " (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static ObjectNode object(JsonNode node, String where, String origin, boolean optional) {
        if (node == null && optional) {
            return StrictJson.toTree(Map.of());
        }
        if (!(node instanceof ObjectNode object)) {
            throw problem(origin, where + ": expected an object, got "
                    + (node == null ? "nothing" : StrictJson.describe(node)));
        }
        return object;
    }

    private static LocalizedText text(JsonNode node, String where, String origin) {
        if (!(node instanceof ObjectNode object)) {
            throw problem(origin, where + ": expected texts by language, e.g. {\"en\": \"...\", \"ko\": \"...\"}, got "
                    + (node == null ? "nothing" : StrictJson.describe(node)));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw problem(origin, where + "." + e.getKey() + ": expected a string, got "
                        + StrictJson.describe(e.getValue()));
            }
            texts.put(e.getKey(), e.getValue().asText());
        }
        if (!texts.containsKey("en")) {
            throw problem(origin, where + ": an English text (\"en\") is required");
        }
        return new LocalizedText(texts);
    }

    private static List<Path> userFiles(Path folder, List<String> problems) {
        List<Path> files = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.json")) {
            for (Path p : entries) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            problems.add(folder + ": cannot be listed: " + e.getMessage());
        }
        files.sort(null);
        return files;
    }

    private static String resource(String name) {
        try (InputStream in = PresetLoader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new PresetFormatException(name + ": not found on the classpath (the build copies assets/)", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PresetFormatException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String idOf(String fileName) {
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }

    private static PresetFormatException problem(String origin, String message) {
        return new PresetFormatException(origin + ": " + message, null);
    }
}
