package org.trainlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.engine.TrainingRun;
import org.trainlab.experiment.record.RunRecord;
import org.trainlab.data.BundledDigits;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.LayerProbe;
import org.trainlab.experiment.json.RunRecordJson;
import org.trainlab.experiment.record.RunState;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter(), err = new StringWriter();

    private int train(String... args) {
        TrainCommand command = new TrainCommand(new PrintWriter(out, true), new PrintWriter(err, true), TrainingRun.DataSource.DEFAULT);
        return new CommandLine(command).execute(args);
    }

    @Test
    void writesSettingsMetricsAndRecordWithALinePerEpoch() throws Exception {
        Path config = dir.resolve("exp.json");
        Files.writeString(config, """
                {"name": "small", "data": {"trainSize": 300}, "training": {"epochs": 2, "batchSize": 50, "seed": 3}}
                """);
        Path run = dir.resolve("runs/small");
        assertEquals(0, train("--config", config.toString(), "--out", run.toString()), err.toString());
        List<String> csv = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(3, csv.size(), "header and two epochs");
        assertTrue(csv.get(1).startsWith("1,6,"), csv.get(1));
        RunRecord record = RunRecordJson.read(run.resolve("run.json"));
        assertEquals(RunState.COMPLETED, record.state());
        assertEquals(2, record.epochs().size());
        assertEquals(3, record.provenance().seed());
        assertEquals("small", record.settings().name());
        assertTrue(Files.readString(run.resolve("settings.json")).contains("\"trainSize\": 300"));
        assertEquals(2, out.toString().lines().filter(l -> l.startsWith("epoch ")).count(), out.toString());
        assertEquals(List.of(1, 2), record.inside().stream().map(InsideEpoch::epoch).toList(), "inside figures per epoch");
        for (InsideEpoch inside : record.inside()) {
            assertEquals(BundledDigits.TEST_SIZE, inside.confusion().total(), "every held-out digit counted");
            assertEquals(List.of("conv1", "conv2", "conv3", "fc1", "fc2", "fc3"),
                    inside.layers().stream().map(LayerProbe::name).toList());
            inside.layers().forEach(l -> assertEquals(l.weightCount(), l.weights().total(), l.name()));
        }
    }

    @Test
    void badConfigIsRefusedWithTheFieldNamedAndNothingWritten() throws Exception {
        Path config = dir.resolve("bad.json");
        Files.writeString(config, "{\"optimizer\": {\"kind\": \"ADAM\", \"learningRate\": -1}}");
        Path run = dir.resolve("runs/bad");
        assertEquals(TrainCommand.EXIT_BAD_INPUT, train("--config", config.toString(), "--out", run.toString()));
        assertTrue(err.toString().contains("optimizer.learningRate"), err.toString());
        assertTrue(Files.notExists(run));
    }

    @Test
    void anExistingRunIsNeverOverwrittenUnlessAsked() throws Exception {
        Path run = dir.resolve("runs/kept");
        Files.createDirectories(run);
        Files.writeString(run.resolve("run.json"), "precious");
        assertEquals(TrainCommand.EXIT_BAD_INPUT, train("--out", run.toString(), "--epochs", "1"));
        assertEquals("precious", Files.readString(run.resolve("run.json")));
        assertTrue(err.toString().contains("already holds a run"), err.toString());
    }
}
