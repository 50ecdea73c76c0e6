package org.trainlab.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunRecord;
import org.trainlab.experiment.json.SettingsFormatException;
import org.trainlab.experiment.json.StrictJson;

/**
 * Sessions as JSON files, one object:
 * <pre>
 * { "formatVersion": "trainlab-session/1",
 *   "runs": [ { "id", "colorIndex", "parentId", "settings": {settings file}, "state",
 *               "message": { "key": "run.note.*", "args": [ ... ] } | null (older sessions: an English sentence),
 *               "normalizationMean", "normalizationStd", "provenance": {...} | null,
 *               "epochs": [ {EpochMetrics}, ... ],
 *               "losses": { "stride": 1, "points": [[iteration, loss], ...] },
 *               "inside": [ {InsideEpoch}, ... ] (on one line; may be absent: older sessions) }, ... ],
 *   "selected": [ run ids ], "activeRunId": run id | null,
 *   "groups": [ { "id", "name", "parentGroupId", "baseSeed", "runIds": [ run ids, seed by seed ],
 *                 "names": { "en": name, "ko": name } (may be absent: older sessions) }, ... ],
 *   "predictions": [ { "title", "criterion": "GAP" | "ACCURACY", "candidates": [ ids ], "predicted" }, ... ] }
 * </pre>
 * {@code groups} and {@code predictions} may be left out (sessions saved before groups of seeds had none).
 * Every field must be present (null where allowed) except inside {@code settings}, which is read like a
 * settings file over the defaults, so sessions gain the defaults of settings added later; the settings
 * are history and are not range-checked. Non-finite metrics are the strings "NaN", "Infinity", "-Infinity".
 * Arrays are written on one line, so a loss curve of 2,000 points takes about 40 kB.
 *
 * <p>Reading is a pure function: it returns a new {@link Session} or throws a
 * {@link SessionFormatException} whose message says what the file is instead (a settings file, a run
 * record, a preset, another program's JSON, a newer format) or where it is damaged.
 */
public final class SessionJson {

    private static final Set<String> SETTINGS_FIELDS = Set.of("data", "model", "init", "regularization",
            "augmentation", "normalization", "optimizer", "scheduler", "training");

    /** Far above any real session (a 2,000-point run takes about 50 kB). */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private SessionJson() {
    }

    public static String write(Session session) {
        return SessionWriter.forgetful().write(session);
    }

    /**
     * Writes atomically: a reader (or the next start after a crash) sees the old file or the new one, never a part.
     * The runs' trained weights go first into files next to it (see {@link SessionWeights}).
     */
    public static void write(Path file, Session session) throws IOException {
        write(file, session, SessionWriter.forgetful());
    }

    /** As {@link #write(Path, Session)}, with a writer that may remember what it wrote before. */
    static void write(Path file, Session session, SessionWriter writer) throws IOException {
        SessionWeights.write(file, session);
        writer.write(file, session);
    }

    /** @throws SessionFormatException if the text is not a session this version can read */
    public static Session read(String json) {
        ObjectNode root;
        try {
            root = StrictJson.parseObject(json);
        } catch (SettingsFormatException e) {
            throw new SessionFormatException("This is not a TrainLab session, or it is damaged: " + e.getMessage(), e);
        }
        checkKind(root);
        for (String optional : List.of("groups", "predictions")) {
            if (!root.has(optional)) {
                root.putArray(optional);
            }
        }
        if (root.get("groups") instanceof ArrayNode groups) {
            for (JsonNode group : groups) {
                if (group instanceof ObjectNode object && !object.has("names")) {
                    object.putObject("names"); // sessions from before groups knew their names in both languages
                }
            }
        }
        JsonNode runs = root.get("runs");
        if (runs instanceof ArrayNode array) {
            for (JsonNode run : array) {
                if (run instanceof ObjectNode object && object.get("settings") instanceof ObjectNode settings) {
                    object.set("settings", StrictJson.settingsOverDefaults(settings));
                }
                if (run instanceof ObjectNode object && !object.has("inside")) {
                    object.putArray("inside"); // sessions from before the inside figures
                }
                if (run instanceof ObjectNode object && object.get("message") != null && object.get("message").isTextual()) {
                    // sessions from before state notes had keys
                    object.set("message", StrictJson.toTree(Interruption.fromOldMessage(object.get("message").asText())));
                }
            }
        }
        Session session;
        try {
            session = StrictJson.convert(root, Session.class);
        } catch (SettingsFormatException e) {
            throw damaged(e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw damaged(e.getMessage(), e); // a record's own checks, e.g. a loss curve's stride
        }
        checkConsistency(session);
        return session;
    }

    /**
     * As {@link #read(String)}, from a UTF-8 file, with the runs' trained weights from the files next to it
     * where they are readable. A file that is not UTF-8 text (an image, a zip) or is
     * far larger than any session is refused with a {@link SessionFormatException} without reading it all.
     */
    public static Session read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new SessionFormatException("This is not a TrainLab session: the file is " + size / (1024 * 1024)
                    + " MB, far larger than any session.");
        }
        String text;
        try {
            text = StrictJson.read(file);
        } catch (CharacterCodingException e) {
            throw new SessionFormatException("This is not a TrainLab session: the file is not text"
                    + " (it may be an image, an archive or another program's file).", e);
        }
        return SessionWeights.read(file, read(text));
    }

    private static void checkKind(ObjectNode root) {
        JsonNode version = root.get("formatVersion");
        if (version == null) {
            JsonNode format = root.get("format");
            if (format != null && format.isTextual() && format.asText().startsWith("trainlab-preset/")) {
                throw new SessionFormatException("This is a TrainLab preset, not a session: add it from the presets menu"
                        + " (or copy it into the presets folder).");
            }
            if (root.has("name") && SETTINGS_FIELDS.stream().anyMatch(root::has)
                    || SETTINGS_FIELDS.stream().filter(root::has).count() >= 2) {
                throw new SessionFormatException("This is a TrainLab settings file, not a session: open it as settings"
                        + " to start a run from it.");
            }
            throw new SessionFormatException("This is not a TrainLab session: it has no 'formatVersion' field"
                    + " (a session has \"" + Session.FORMAT_VERSION + "\"); it may be another program's JSON file.");
        }
        if (!version.isTextual()) {
            throw damaged("formatVersion: expected a string, got " + StrictJson.describe(version), null);
        }
        String v = version.asText();
        if (v.equals(Session.FORMAT_VERSION)) {
            return;
        }
        if (v.equals(RunRecord.FORMAT_VERSION) || v.startsWith("trainlab-run/")) {
            throw new SessionFormatException("This is a TrainLab run record (run.json, \"" + v + "\"), not a session:"
                    + " import it as a run to add it to the session.");
        }
        if (v.startsWith("trainlab-session/")) {
            throw new SessionFormatException("This session is in format \"" + v + "\", which this TrainLab cannot read"
                    + " (it reads \"" + Session.FORMAT_VERSION + "\"); it was probably saved by a newer TrainLab.");
        }
        throw new SessionFormatException("This is not a TrainLab session: its formatVersion is \"" + v
                + "\" (a session has \"" + Session.FORMAT_VERSION + "\").");
    }

    /** What the types cannot say: unique ids, references that resolve, epochs and losses in order. */
    private static void checkConsistency(Session session) {
        Map<String, Integer> ids = new HashMap<>();
        List<SessionRun> runs = session.runs();
        for (int i = 0; i < runs.size(); i++) {
            SessionRun run = runs.get(i);
            String where = "runs[" + i + "]";
            if (run.id().isBlank()) {
                throw damaged(where + ".id is blank", null);
            }
            Integer other = ids.putIfAbsent(run.id(), i);
            if (other != null) {
                throw damaged(where + ".id: \"" + run.id() + "\" is also the id of runs[" + other + "]", null);
            }
            if (run.colorIndex() < 0) {
                throw damaged(where + ".colorIndex: " + run.colorIndex() + " is negative", null);
            }
            List<EpochMetrics> epochs = run.epochs();
            for (int e = 0; e < epochs.size(); e++) {
                if (epochs.get(e).epoch() != e + 1) {
                    throw damaged(where + ".epochs[" + e + "].epoch: expected " + (e + 1) + ", got "
                            + epochs.get(e).epoch() + " (epochs are numbered 1, 2, ... in order)", null);
                }
            }
            List<LossPoint> points = run.losses().points();
            if (points.size() > LossCurve.MAX_POINTS + 1) {
                throw damaged(where + ".losses: " + points.size() + " points, at most " + (LossCurve.MAX_POINTS + 1)
                        + " expected", null);
            }
            for (int p = 1; p < points.size(); p++) {
                if (points.get(p).iteration() <= points.get(p - 1).iteration()) {
                    throw damaged(where + ".losses.points[" + p + "]: iteration " + points.get(p).iteration()
                            + " does not follow iteration " + points.get(p - 1).iteration(), null);
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < session.selected().size(); s++) {
            String id = session.selected().get(s);
            if (!ids.containsKey(id)) {
                throw damaged("selected[" + s + "]: no run has the id \"" + id + "\"", null);
            }
            if (!seen.add(id)) {
                throw damaged("selected[" + s + "]: \"" + id + "\" is listed twice", null);
            }
        }
        if (session.activeRunId() != null && !ids.containsKey(session.activeRunId())) {
            throw damaged("activeRunId: no run has the id \"" + session.activeRunId() + "\"", null);
        }
        checkGroups(session, ids.keySet());
    }

    /** Every member is a run, in one group only; parents and predictions name groups or runs that exist. */
    private static void checkGroups(Session session, Set<String> runIds) {
        Map<String, Integer> groupIds = new HashMap<>();
        Map<String, Integer> memberOf = new HashMap<>();
        List<RunGroup> groups = session.groups();
        for (int g = 0; g < groups.size(); g++) {
            RunGroup group = groups.get(g);
            String where = "groups[" + g + "]";
            if (group.id().isBlank() || runIds.contains(group.id()) || groupIds.putIfAbsent(group.id(), g) != null) {
                throw damaged(where + ".id: \"" + group.id() + "\" is blank or not unique", null);
            }
            if (group.runIds().isEmpty()) {
                throw damaged(where + ".runIds: a group needs at least one run", null);
            }
            for (int r = 0; r < group.runIds().size(); r++) {
                String id = group.runIds().get(r);
                if (!runIds.contains(id)) {
                    throw damaged(where + ".runIds[" + r + "]: no run has the id \"" + id + "\"", null);
                }
                Integer other = memberOf.putIfAbsent(id, g);
                if (other != null) {
                    throw damaged(where + ".runIds[" + r + "]: \"" + id + "\" is also in groups[" + other + "]", null);
                }
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            String parent = groups.get(g).parentGroupId();
            if (parent != null && (!groupIds.containsKey(parent) || parent.equals(groups.get(g).id()))) {
                throw damaged("groups[" + g + "].parentGroupId: no other group has the id \"" + parent + "\"", null);
            }
        }
        List<Prediction> predictions = session.predictions();
        for (int p = 0; p < predictions.size(); p++) {
            Prediction prediction = predictions.get(p);
            if (!prediction.candidates().contains(prediction.predicted())) {
                throw damaged("predictions[" + p + "].predicted: \"" + prediction.predicted()
                        + "\" is not one of its candidates", null);
            }
        }
    }

    private static SessionFormatException damaged(String problem, Throwable cause) {
        return new SessionFormatException("This TrainLab session is damaged and cannot be opened: " + problem, cause);
    }
}
