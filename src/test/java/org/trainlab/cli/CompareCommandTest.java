package org.trainlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.engine.TrainingRun;
import org.trainlab.experiment.compare.SeedPlan;
import org.trainlab.experiment.json.RunRecordJson;
import org.trainlab.experiment.record.RunRecord;
import picocli.CommandLine;

/**
 * {@code train --seeds} and {@code compare} headless, on real training: 100 digits, a small MLP, two epochs, three
 * seeds. A sensible learning rate against one far too high gives a verdict every seed agrees with;
 * the same settings from other seeds give an interval that spans zero.
 */
class CompareCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        return new CommandLine(command).execute(args);
    }

    private Path train(String name, double learningRate, long seed) throws Exception {
        Path config = dir.resolve(name + ".json");
        Files.writeString(config, """
                {"name": "%s", "data": {"trainSize": 100}, "model": {"kind": "MLP"}, "optimizer": {"kind": "ADAM", "learningRate": %s},
                 "training": {"epochs": 2, "batchSize": 25, "seed": %d}}
                """.formatted(name, learningRate, seed));
        Path folder = dir.resolve(name);
        TrainCommand command = new TrainCommand(new PrintWriter(out, true), new PrintWriter(err, true),
                TrainingRun.DataSource.DEFAULT);
        assertEquals(0, run(command, "--config", config.toString(), "--out", folder.toString(), "--seeds", "3"),
                err.toString());
        return folder;
    }

    private String compare(Path a, Path b, String... more) {
        StringWriter text = new StringWriter();
        CompareCommand command = new CompareCommand(new PrintWriter(text, true), new PrintWriter(err, true));
        String[] args = new String[2 + more.length];
        args[0] = a.toString();
        args[1] = b.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        assertEquals(0, run(command, args), err.toString());
        return text.toString();
    }

    @Test
    void aSensibleLearningRateBeatsOneFarTooHighInEverySeedAndTheSameSettingsDoNot() throws Exception {
        Path sensible = train("Sensible", 0.01, 3);
        Path tooHigh = train("Too high", 3.0, 3);
        for (int k = 0; k < 3; k++) {
            RunRecord record = RunRecordJson.read(sensible.resolve("seed-" + (k + 1)).resolve("run.json"));
            assertEquals(SeedPlan.memberSeed(3, k), record.provenance().seed());
            assertEquals(2, record.epochs().size());
        }
        String verdict = compare(tooHigh, sensible);
        assertTrue(verdict.contains("Sensible vs Too high: held-out accuracy +"), verdict);
        assertTrue(verdict.contains("better in 3 of 3 seeds;"), verdict);
        assertTrue(!verdict.contains("not established"), verdict);
        assertTrue(compare(tooHigh, sensible, "--lang", "ko").contains("시드 3개 중 3개에서 더 높음"));

        Path again = train("Sensible again", 0.01, 11);
        String same = compare(sensible, again);
        assertTrue(same.contains("the difference is not established"), same);
    }

    @Test
    void oneRunFolderAgainstAnotherGivesNoVerdictAndAMissingFolderIsNamed() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        RunRecord record = new RunRecord(RunRecord.FORMAT_VERSION,
                org.trainlab.experiment.settings.Defaults.settings().withName("One"), null, 0, 1,
                List.of(new org.trainlab.experiment.record.EpochMetrics(1, 1, 1, 0.5, 1, 0.5, 1e-3, 1e-3, 1, 1, 1)),
                org.trainlab.experiment.record.RunState.COMPLETED, null);
        RunRecordJson.write(a.resolve("run.json"), record);
        RunRecordJson.write(b.resolve("run.json"), record.withState(record.state(), null));
        assertTrue(compare(a, b).contains("no verdict is possible with one seed"));

        CompareCommand command = new CompareCommand(new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(TrainCommand.EXIT_BAD_INPUT, run(command, a.toString(), dir.resolve("missing").toString()));
        assertTrue(err.toString().contains("missing is not a folder"), err.toString());
    }

    @Test
    void seedsOutOfRangeAreRefusedBeforeAnythingIsWritten() {
        TrainCommand command = new TrainCommand(new PrintWriter(out, true), new PrintWriter(err, true),
                TrainingRun.DataSource.DEFAULT);
        assertEquals(TrainCommand.EXIT_BAD_INPUT, run(command, "--out", dir.resolve("x").toString(), "--seeds", "0"));
        assertTrue(err.toString().contains("--seeds must be 1 to 20, got 0"), err.toString());
        assertTrue(Files.notExists(dir.resolve("x")));
    }
}
