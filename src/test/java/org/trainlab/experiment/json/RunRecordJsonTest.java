package org.trainlab.experiment.json;

import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.Provenance;
import org.trainlab.experiment.record.RunRecord;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;
import org.trainlab.experiment.settings.TestSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordJsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    @TempDir
    Path folder;

    static RunRecord divergedRun() {
        Provenance provenance = new Provenance(-7L, "0.1.0", "17.0.15", "Linux 6.1", "amd64", "CPU nd4j-native",
                Map.of("nd4j-native", "1.0.0-M2.1", "jackson-databind", "2.17.2"), "2025-01-02T03:04:05Z");
        return RunRecord.start(TestSettings.allDifferentFromDefaults(), provenance, 0.1307, 0.3081)
                .withEpoch(new EpochMetrics(1, 40, 1.2, 0.61, 0.9, 0.7, 0.05, 0.05, 11.5, 2500.0, 2.25))
                .withEpoch(new EpochMetrics(2, 80, Double.NaN, 0.1, Double.POSITIVE_INFINITY, 0.098, 0.05, 0.01,
                        Double.NEGATIVE_INFINITY, 2400.0, 4.5))
                .withState(RunState.DIVERGED, StateNote.of("run.note.diverged", "NaN", 61, 2, 21));
    }

    @Test
    void aRunRecordSurvivesARoundTripIncludingNonFiniteMetrics() {
        RunRecord record = divergedRun();
        assertEquals(record, RunRecordJson.read(RunRecordJson.write(record)));
    }

    @Test
    void aRecordWithNoEpochsAndNoMessageSurvivesARoundTrip() {
        RunRecord record = RunRecord.start(Defaults.settings(),
                Provenance.ofThisMachine(42, "0.1.0", "CPU", Map.of()), 0, 1);
        RunRecord read = RunRecordJson.read(RunRecordJson.write(record));
        assertEquals(record, read);
        assertEquals(List.of(), read.epochs());
        assertEquals(RunRecord.FORMAT_VERSION, read.formatVersion());
    }

    @Test
    void librariesAreWrittenInNameOrder() throws IOException {
        String json = RunRecordJson.write(divergedRun());
        List<String> names = PLAIN.readTree(json).at("/provenance/libraries").properties().stream()
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of("jackson-databind", "nd4j-native"), names);
    }

    @Test
    void filesAreWrittenAndReadBack() throws IOException {
        Path file = folder.resolve("runs/run-1.json");
        RunRecord record = divergedRun();
        RunRecordJson.write(file, record);
        assertEquals(record, RunRecordJson.read(file));
    }

    @Test
    void aSettingsFileIsNotTakenForARunRecord() {
        String message = formatError(SettingsJson.write(Defaults.settings()));
        assertTrue(message.startsWith("not a TrainLab run record: it has no 'formatVersion' field"), message);
        assertTrue(message.endsWith("it looks like a settings file"), message);
    }

    @Test
    void anyOtherJsonIsNotTakenForARunRecord() {
        String message = formatError("{\"dependencies\": {\"left-pad\": \"1.0.0\"}}");
        assertTrue(message.startsWith("not a TrainLab run record"), message);
        assertTrue(formatError("[]").startsWith("top level: expected an object"));
    }

    @Test
    void anotherFormatVersionIsNamed() throws IOException {
        ObjectNode tree = (ObjectNode) PLAIN.readTree(RunRecordJson.write(divergedRun()));
        tree.put("formatVersion", "trainlab-run/2");
        String message = formatError(PLAIN.writeValueAsString(tree));
        assertTrue(message.startsWith("formatVersion: string \"trainlab-run/2\" is not a run record format"), message);
        assertTrue(message.contains(RunRecord.FORMAT_VERSION), message);
    }

    @Test
    void aMissingFieldIsNamedWithItsPlace() throws IOException {
        ObjectNode tree = (ObjectNode) PLAIN.readTree(RunRecordJson.write(divergedRun()));
        ((ObjectNode) tree.at("/epochs/1")).remove("trainLoss");
        assertEquals("epochs[1]: missing field 'trainLoss'", formatError(PLAIN.writeValueAsString(tree)));

        tree = (ObjectNode) PLAIN.readTree(RunRecordJson.write(divergedRun()));
        tree.remove("state");
        assertEquals("top level: missing field 'state'", formatError(PLAIN.writeValueAsString(tree)));
    }

    @Test
    void settingsErrorsInsideARecordNameTheirFullPath() throws IOException {
        ObjectNode tree = (ObjectNode) PLAIN.readTree(RunRecordJson.write(divergedRun()));
        ((ObjectNode) tree.at("/settings/training")).put("batchSize", 1.5);
        assertEquals("settings.training.batchSize: expected a whole number, got number 1.5",
                formatError(PLAIN.writeValueAsString(tree)));
    }

    @Test
    void settingsFieldsAddedSinceARecordWasWrittenTakeTheirDefaults() throws IOException {
        ObjectNode tree = (ObjectNode) PLAIN.readTree(RunRecordJson.write(divergedRun()));
        ((ObjectNode) tree.get("settings")).remove("augmentation");
        RunRecord read = RunRecordJson.read(PLAIN.writeValueAsString(tree));
        assertEquals(Defaults.augmentation(), read.settings().augmentation());
    }

    @Test
    void anUnknownRunStateListsTheKnownOnes() throws IOException {
        ObjectNode tree = (ObjectNode) PLAIN.readTree(RunRecordJson.write(divergedRun()));
        tree.put("state", "EXPLODED");
        String message = formatError(PLAIN.writeValueAsString(tree));
        assertTrue(message.startsWith("state: 'EXPLODED' is not one of QUEUED, "), message);
    }

    private static String formatError(String json) {
        return assertThrows(SettingsFormatException.class, () -> RunRecordJson.read(json)).getMessage();
    }
}
