package org.trainlab.experiment.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Map;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.Provenance;
import org.trainlab.experiment.record.RunRecord;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.SettingsException;
import org.trainlab.fuzz.Fuzz;
import org.trainlab.fuzz.Mutations;

/**
 * Damaged and hostile settings files ({@code train --config}) and run records ({@code run.json}): wrong
 * types, NaN and infinities, strings for numbers, unknown and missing fields, deep or huge JSON, broken
 * syntax and bytes that are not UTF-8. Each ends in a correct load or a {@link SettingsException} (a
 * format error or an out-of-range value, with its field), and the file stays as it was.
 */
class SettingsJsonFuzzTest {

    @TempDir
    Path temp;

    @Test
    void settingsFiles() throws IOException {
        String tutorial = Files.readString(Path.of("assets/experiments/tutorial-cnn.json"), StandardCharsets.UTF_8);
        String defaults = SettingsJson.write(Defaults.settings());
        Fuzz.of("settings JSON", r -> input(r, r.nextBoolean() ? tutorial : defaults),
                bytes -> readKeepingFile(bytes, file -> SettingsJson.read(file)), SettingsException.class).runAndCheck();
    }

    @Test
    void runRecords() {
        Provenance provenance = new Provenance(42L, "0.1.0", "17.0.15", "Linux 6.1", "amd64", "CPU nd4j-native",
                Map.of("nd4j", "1.0.0-M2.1"), "2025-01-02T03:04:05Z");
        RunRecord record = RunRecord.start(Defaults.settings(), provenance, 0.13, 0.31)
                .withEpoch(new EpochMetrics(1, 10, 0.9, 0.7, 1.0, 0.68, 1e-3, 1e-3, 12, 2000, 1.5))
                .withEpoch(new EpochMetrics(2, 20, Double.NaN, 0.1, Double.POSITIVE_INFINITY, 0.1, 1e-3, 1e-3, 13, 2000, 3));
        String valid = RunRecordJson.write(record);
        Fuzz.of("run.json", r -> input(r, valid),
                bytes -> readKeepingFile(bytes, file -> RunRecordJson.read(file)), SettingsException.class).runAndCheck();
    }

    /** Mostly JSON-aware changes; one in ten damages the bytes themselves (so some are not UTF-8). */
    static byte[] input(SplittableRandom r, String valid) {
        return r.nextInt(10) == 0
                ? Mutations.bytes(valid.getBytes(StandardCharsets.UTF_8), r, 0)
                : Mutations.json(valid, r).getBytes(StandardCharsets.UTF_8);
    }

    interface FileReader {
        Object read(Path file) throws IOException;
    }

    private void readKeepingFile(byte[] bytes, FileReader reader) throws IOException {
        Path file = Files.write(temp.resolve("fuzz.json"), bytes);
        try {
            reader.read(file);
        } finally {
            assertArrayEquals(bytes, Files.readAllBytes(file), "the file is left as it was");
        }
    }
}
