package org.trainlab.experiment.json;

import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.validation.InvalidSettingsException;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.OptimizerSettings;
import org.trainlab.experiment.validation.Problem;
import org.trainlab.experiment.record.RunRecord;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.experiment.settings.TestSettings;
import org.trainlab.experiment.settings.TrainingSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsJsonTest {

    /** A plain mapper, independent of the one under test, to look at what was written. */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void defaultsSurviveARoundTrip() {
        ExperimentSettings defaults = Defaults.settings();
        assertEquals(defaults, SettingsJson.read(SettingsJson.write(defaults)));
    }

    @Test
    void settingsWithEveryFieldChangedSurviveARoundTrip() {
        ExperimentSettings settings = TestSettings.allDifferentFromDefaults();
        assertEquals(settings, SettingsJson.read(SettingsJson.write(settings)));
    }

    @Test
    void theNonDefaultFixtureReallyDiffersInEveryField() throws IOException {
        List<String> leaves = new ArrayList<>();
        collectLeaves("", PLAIN.readTree(SettingsJson.write(Defaults.settings())), leaves);
        JsonNode changed = PLAIN.readTree(SettingsJson.write(TestSettings.allDifferentFromDefaults()));
        JsonNode defaults = PLAIN.readTree(SettingsJson.write(Defaults.settings()));
        for (String leaf : leaves) {
            assertNotEquals(defaults.at(leaf), changed.at(leaf), leaf);
        }
        assertTrue(leaves.size() > 40, "all leaves visited: " + leaves);
    }

    @Test
    void writtenJsonUsesRecordNamesEnumNamesAndIsIndented() throws IOException {
        String json = SettingsJson.write(TestSettings.allDifferentFromDefaults());
        JsonNode tree = PLAIN.readTree(json);

        assertEquals("NESTEROV", tree.at("/optimizer/kind").asText());
        assertEquals(25, tree.at("/scheduler/tMax").asInt());
        assertEquals("MAX", tree.at("/scheduler/plateauMode").asText());
        assertEquals(-7, tree.at("/training/seed").asLong());
        assertTrue(tree.at("/model/batchNorm").isBoolean());
        assertTrue(json.contains("\n  \"optimizer\": {\n    \"kind\": \"NESTEROV\""), json);
        assertFalse(json.contains("\r"), "same line ends on every OS");
    }

    @Test
    void aPartialConfigKeepsTheDefaultsOfEverythingItLeavesOut() {
        ExperimentSettings read = SettingsJson.read("""
                {"optimizer": {"kind": "SGD", "learningRate": 0.1}}
                """);

        ExperimentSettings defaults = Defaults.settings();
        OptimizerSettings expected = defaults.optimizer().withKind(OptimizerKind.SGD).withLearningRate(0.1);
        assertEquals(defaults.withOptimizer(expected), read);
    }

    @Test
    void nestedFieldsMergeOneByOneAndListsReplaceWhole() {
        ExperimentSettings read = SettingsJson.read("""
                {
                  "name": "steps",
                  "scheduler": {"kind": "MULTI_STEP", "milestones": [2]},
                  "training": {"epochs": 12}
                }
                """);

        ExperimentSettings defaults = Defaults.settings();
        assertEquals("steps", read.name());
        assertEquals(defaults.scheduler().withKind(SchedulerKind.MULTI_STEP).gamma(), read.scheduler().gamma());
        assertEquals(List.of(2), read.scheduler().milestones());
        assertEquals(new TrainingSettings(12, defaults.training().batchSize(), defaults.training().seed()),
                read.training());
        assertEquals(defaults.model(), read.model());
    }

    @Test
    void anEmptyObjectIsTheDefaults() {
        assertEquals(Defaults.settings(), SettingsJson.read("{}"));
    }

    @Test
    void wholeNumbersAreAcceptedForDecimalFields() {
        assertEquals(2.0, SettingsJson.read("{\"optimizer\": {\"learningRate\": 2}}").optimizer().learningRate());
    }

    @Test
    void anUnknownFieldIsNamedWithWhereItIsAndWhatIsKnown() {
        String message = formatError("{\"optimizer\": {\"learningrate\": 0.1}}");
        assertTrue(message.startsWith("unknown field 'learningrate' at optimizer (known: kind, learningRate, "), message);
        assertTrue(message.contains("rmsDecay"), message);

        assertTrue(formatError("{\"optimiser\": {}}").startsWith("unknown field 'optimiser' at top level (known: name, "));
    }

    @Test
    void aWrongTypeNamesThePathTheExpectedTypeAndTheValue() {
        assertEquals("optimizer.learningRate: expected a number, got string \"fast\"",
                formatError("{\"optimizer\": {\"learningRate\": \"fast\"}}"));
        assertEquals("optimizer.learningRate: expected a number, got string \"0.1\"",
                formatError("{\"optimizer\": {\"learningRate\": \"0.1\"}}"));
        assertEquals("model.batchNorm: expected true or false, got number 1",
                formatError("{\"model\": {\"batchNorm\": 1}}"));
        assertEquals("model.batchNorm: expected true or false, got string \"true\"",
                formatError("{\"model\": {\"batchNorm\": \"true\"}}"));
        assertEquals("name: expected a string, got number 5", formatError("{\"name\": 5}"));
        assertEquals("optimizer: expected an object, got number 5", formatError("{\"optimizer\": 5}"));
        assertEquals("scheduler.milestones: expected an array, got number 10",
                formatError("{\"scheduler\": {\"milestones\": 10}}"));
        assertEquals("scheduler.milestones[1]: expected a whole number, got null",
                formatError("{\"scheduler\": {\"milestones\": [1, null]}}"));
        assertEquals("training.epochs: expected a whole number, got null",
                formatError("{\"training\": {\"epochs\": null}}"));
    }

    @Test
    void aFloatIsNotTakenForAWholeNumber() {
        assertEquals("training.batchSize: expected a whole number, got number 64.5",
                formatError("{\"training\": {\"batchSize\": 64.5}}"));
        assertEquals("training.batchSize: expected a whole number, got number 64.0",
                formatError("{\"training\": {\"batchSize\": 64.0}}"));
        assertEquals("training.batchSize: expected a whole number, got string \"64\"",
                formatError("{\"training\": {\"batchSize\": \"64\"}}"));
        assertEquals("scheduler.milestones[0]: expected a whole number, got number 2.5",
                formatError("{\"scheduler\": {\"milestones\": [2.5]}}"));
    }

    @Test
    void aWholeNumberBeyondItsTypeSaysSo() {
        String message = formatError("{\"training\": {\"epochs\": 3000000000}}");
        assertTrue(message.startsWith("training.epochs: 3000000000 is out of range: must be -2147483648 to "), message);
        message = formatError("{\"training\": {\"seed\": -10000000000000000000}}");
        assertTrue(message.startsWith("training.seed: -10000000000000000000 is out of range"), message);
    }

    @Test
    void anUnknownEnumNameListsTheKnownOnes() {
        assertEquals("optimizer.kind: 'ADAMX' is not one of SGD, MOMENTUM, NESTEROV, ADAGRAD, RMSPROP, ADAM, ADAMW, ADADELTA",
                formatError("{\"optimizer\": {\"kind\": \"ADAMX\"}}"));
        assertEquals("scheduler.thresholdMode: 'rel' is not one of REL, ABS",
                formatError("{\"scheduler\": {\"thresholdMode\": \"rel\"}}"));
        assertTrue(formatError("{\"optimizer\": {\"kind\": 0}}")
                .startsWith("optimizer.kind: expected one of SGD, MOMENTUM"));
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        String message = formatError("{\n  \"optimizer\": {\n    \"kind\": \"SGD\",\n    }\n}");
        assertTrue(message.startsWith("not valid JSON at line 4, column 5: "), message);

        assertTrue(formatError("{\"name\": \"a\", \"name\": \"b\"}").contains("Duplicate field 'name'"));
        assertTrue(formatError("{} {}").startsWith("not valid JSON at line 1, column 4: unexpected content after"));
        assertTrue(formatError("{\"name\": ").startsWith("not valid JSON at line 1"));
        assertEquals("no JSON found: the text is empty", formatError("  "));
        assertEquals("top level: expected an object, got an array", formatError("[1, 2]"));
    }

    @Test
    void outOfRangeValuesAreReportedAfterReading() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> SettingsJson.read("""
                {"training": {"batchSize": 0}, "optimizer": {"learningRate": -1}}
                """));
        assertEquals(List.of("optimizer.learningRate", "training.batchSize"),
                e.problems().stream().map(Problem::field).toList());
    }

    @Test
    void nonFiniteValuesWrittenAsStringsAreReadAndThenRejected() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> SettingsJson.read("{\"optimizer\": {\"learningRate\": \"NaN\"}}"));
        assertTrue(e.getMessage().startsWith("optimizer.learningRate = NaN is not a number"), e.getMessage());
    }

    @Test
    void aNullSectionIsReportedAsMissing() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> SettingsJson.read("{\"scheduler\": null}"));
        assertEquals("scheduler", e.problems().get(0).field());
    }

    @Test
    void aRunRecordIsNotTakenForSettings() {
        RunRecord record = RunRecord.start(Defaults.settings(), null, 0, 1);
        String message = formatError(RunRecordJson.write(record));
        assertTrue(message.startsWith("this is a run record, not a settings file"), message);
    }

    @Test
    void filesAreWrittenAndReadBack() throws IOException {
        Path file = folder.resolve("sub/settings.json");
        SettingsJson.write(file, Defaults.settings());
        ExperimentSettings changed = TestSettings.allDifferentFromDefaults();
        SettingsJson.write(file, changed);

        assertEquals(changed, SettingsJson.read(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary files left behind");
        }
        assertTrue(Files.readString(file).endsWith("}\n"));
    }

    @Test
    void aFileWithBadValuesIsRejectedLikeText() throws IOException {
        Path file = folder.resolve("bad.json");
        Files.writeString(file, "{\"training\": {\"epochs\": 0}}");
        assertThrows(InvalidSettingsException.class, () -> SettingsJson.read(file));
        Files.writeString(file, "{\"training\": {\"epoch\": 3}}");
        assertThrows(SettingsFormatException.class, () -> SettingsJson.read(file));
    }

    private static String formatError(String json) {
        return assertThrows(SettingsFormatException.class, () -> SettingsJson.read(json)).getMessage();
    }

    private static void collectLeaves(String pointer, JsonNode node, List<String> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collectLeaves(pointer + "/" + field.getKey(), field.getValue(), leaves);
            }
        } else {
            leaves.add(pointer);
        }
    }
}
