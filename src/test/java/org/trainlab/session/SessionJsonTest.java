package org.trainlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.record.Provenance;
import org.trainlab.experiment.record.RunRecord;
import org.trainlab.experiment.json.RunRecordJson;
import org.trainlab.experiment.json.SettingsJson;

class SessionJsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void aSessionSurvivesARoundTripIncludingNonFiniteMetricsAndHangul() {
        Session session = SessionSamples.threeRuns();
        assertEquals(session, SessionJson.read(SessionJson.write(session)));
    }

    @Test
    void anEmptySessionSurvivesARoundTrip() {
        assertEquals(Session.empty(), SessionJson.read(SessionJson.write(Session.empty())));
    }

    @Test
    void filesAreWrittenAndReadBack() throws IOException {
        Path file = folder.resolve("lecture/compare.trainlab.json");
        SessionJson.write(file, SessionSamples.threeRuns());
        assertEquals(SessionSamples.threeRuns(), SessionJson.read(file));
        try (var left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no temporary file left behind");
        }
    }

    @Test
    void lossPointsAreWrittenAsCompactPairs() {
        String json = SessionJson.write(SessionSamples.threeRuns());
        assertTrue(json.contains("\"points\": [[1, 2.3], [2, \"NaN\"]]"), json);
    }

    @Test
    void aSettingsFileIsRecognized() {
        String message = error(SettingsJson.write(Defaults.settings()));
        assertEquals("This is a TrainLab settings file, not a session: open it as settings to start a run from it.",
                message);
        assertTrue(error("{\"optimizer\": {\"kind\": \"SGD\"}, \"training\": {\"epochs\": 3}}")
                .startsWith("This is a TrainLab settings file"));
    }

    @Test
    void aRunRecordIsRecognized() {
        RunRecord record = RunRecord.start(Defaults.settings(), Provenance.ofThisMachine(1, "0.1", "CPU", java.util.Map.of()),
                0, 1);
        assertTrue(error(RunRecordJson.write(record)).startsWith("This is a TrainLab run record (run.json"));
    }

    @Test
    void aPresetIsRecognized() {
        assertTrue(error("{\"format\": \"trainlab-preset/1\", \"name\": {\"en\": \"x\"}}")
                .startsWith("This is a TrainLab preset, not a session"));
    }

    @Test
    void anotherProgramsJsonIsNamedAsSuch() {
        assertTrue(error("{\"dependencies\": {\"left-pad\": \"1.0.0\"}}")
                .startsWith("This is not a TrainLab session: it has no 'formatVersion' field"));
        assertTrue(error("{\"formatVersion\": \"3.1\"}").startsWith("This is not a TrainLab session: its formatVersion is \"3.1\""));
        assertTrue(error("[1, 2]").contains("top level: expected an object, got an array"));
    }

    @Test
    void aNewerFormatIsNamed() throws IOException {
        ObjectNode tree = tree();
        tree.put("formatVersion", "trainlab-session/2");
        String message = error(tree.toString());
        assertTrue(message.startsWith("This session is in format \"trainlab-session/2\", which this TrainLab cannot read"),
                message);
        assertTrue(message.contains("newer TrainLab"), message);
    }

    @Test
    void aTruncatedFileSaysWhereItEnds() {
        String json = SessionJson.write(SessionSamples.threeRuns());
        String message = error(json.substring(0, json.length() / 2));
        assertTrue(message.startsWith("This is not a TrainLab session, or it is damaged: not valid JSON at line "), message);
    }

    @Test
    void emptyAndBinaryFilesAreRefusedWithAReason() throws IOException {
        assertTrue(error("").contains("the text is empty"), error(""));
        Path png = folder.resolve("chart.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
        String message = assertThrows(SessionFormatException.class, () -> SessionJson.read(png)).getMessage();
        assertEquals("This is not a TrainLab session: the file is not text"
                + " (it may be an image, an archive or another program's file).", message);
    }

    @Test
    void damageDeepInsideNamesItsPath() throws IOException {
        ObjectNode tree = tree();
        ((ObjectNode) tree.at("/runs/0/epochs/1")).put("testLoss", "low");
        assertEquals("This TrainLab session is damaged and cannot be opened: runs[0].epochs[1].testLoss:"
                + " expected a number, got string \"low\"", error(tree.toString()));

        tree = tree();
        ((ObjectNode) tree.at("/runs/1")).remove("state");
        assertEquals("This TrainLab session is damaged and cannot be opened: runs[1]: missing field 'state'",
                error(tree.toString()));

        tree = tree();
        ((ObjectNode) tree.at("/runs/2/settings/training")).put("batchSize", 1.5);
        assertTrue(error(tree.toString()).endsWith("runs[2].settings.training.batchSize: expected a whole number,"
                + " got number 1.5"));

        tree = tree();
        ((ObjectNode) tree.at("/runs/0")).put("surprise", true);
        assertTrue(error(tree.toString()).contains("unknown field 'surprise' at runs[0]"));
    }

    @Test
    void inconsistentReferencesAreDamage() throws IOException {
        ObjectNode tree = tree();
        ((ObjectNode) tree.at("/runs/1")).put("id", "run-a");
        assertTrue(error(tree.toString()).endsWith("runs[1].id: \"run-a\" is also the id of runs[0]"));

        tree = tree();
        ((ArrayNode) tree.get("selected")).add("run-z");
        assertTrue(error(tree.toString()).endsWith("selected[2]: no run has the id \"run-z\""));

        tree = tree();
        tree.put("activeRunId", "gone");
        assertTrue(error(tree.toString()).endsWith("activeRunId: no run has the id \"gone\""));

        tree = tree();
        ((ObjectNode) tree.at("/runs/0/epochs/1")).put("epoch", 5);
        assertTrue(error(tree.toString()).endsWith("runs[0].epochs[1].epoch: expected 2, got 5"
                + " (epochs are numbered 1, 2, ... in order)"));

        tree = tree();
        ((ObjectNode) tree.at("/runs/0/losses")).put("stride", 3);
        assertTrue(error(tree.toString()).contains("stride must be a power of two"), error(tree.toString()));
    }

    @Test
    void settingsFieldsAddedLaterTakeTheirDefaults() throws IOException {
        ObjectNode tree = tree();
        ((ObjectNode) tree.at("/runs/0/settings")).remove("augmentation");
        Session read = SessionJson.read(tree.toString());
        assertEquals(Defaults.augmentation(), read.runs().get(0).settings().augmentation());
    }

    @Test
    void aParentThatWasRemovedIsNotDamage() {
        Session session = SessionSamples.threeRuns().withoutRun("run-a");
        Session read = SessionJson.read(SessionJson.write(session));
        assertEquals("run-a", read.run("run-b").orElseThrow().parentId());
        assertEquals(List.of("run-b"), read.selected());
    }

    @Test
    void openingADamagedFileLeavesTheOpenSessionUntouched() throws IOException {
        Session open = SessionSamples.threeRuns();
        LiveSession live = new LiveSession(open);
        Path damaged = folder.resolve("damaged.json");
        String json = SessionJson.write(Session.empty().withRun(SessionRun.queued("x", 0, Defaults.settings())));
        Files.writeString(damaged, json.replace("\"QUEUED\"", "\"EXPLODED\""), StandardCharsets.UTF_8);
        SessionFormatException e = assertThrows(SessionFormatException.class,
                () -> live.replace(SessionJson.read(damaged)));
        assertTrue(e.getMessage().contains("runs[0].state: 'EXPLODED' is not one of QUEUED"), e.getMessage());
        assertSame(open, live.snapshot());
    }

    private static ObjectNode tree() throws IOException {
        return (ObjectNode) PLAIN.readTree(SessionJson.write(SessionSamples.threeRuns()));
    }

    private static String error(String json) {
        return assertThrows(SessionFormatException.class, () -> SessionJson.read(json)).getMessage();
    }
}
