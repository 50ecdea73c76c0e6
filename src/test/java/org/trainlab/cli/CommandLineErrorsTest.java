package org.trainlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.data.AppDirs;
import org.trainlab.data.IdxFolder;

/**
 * Expected input errors on the real command line (a child JVM, as a user starts it): one clear line on
 * the terminal naming the problem, no stack trace; the details go to a log file whose path is printed.
 */
class CommandLineErrorsTest {

    @TempDir
    Path temp;

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-D" + AppDirs.DATA_PROPERTY + "=" + temp.resolve("data"),
                "-D" + AppDirs.CACHE_PROPERTY + "=" + temp.resolve("cache"),
                "-cp", System.getProperty("java.class.path"), "org.trainlab.app.Main"));
        line.addAll(List.of(args));
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process p = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ended");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aBadConfigIsOneLine() throws Exception {
        Path config = Files.writeString(temp.resolve("bad.json"),
                "{\"optimizer\": {\"learningRate\": -1}, \"training\": {\"batchSize\": 0}}");
        Result r = run("train", "--config", config.toString(), "--out", temp.resolve("run").toString());
        assertEquals(TrainCommand.EXIT_BAD_INPUT, r.exit, r.err);
        List<String> lines = r.err.strip().lines().toList();
        assertEquals(1, lines.size(), "one line:\n" + r.err);
        assertTrue(lines.get(0).startsWith("error in " + config + ": "), lines.get(0));
        assertTrue(lines.get(0).contains("optimizer.learningRate") && lines.get(0).contains("training.batchSize"), lines.get(0));
    }

    @Test
    void aTruncatedIdxFileIsOneLineAndTheStackTraceGoesToTheLog() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("idx"));
        Files.write(folder.resolve(IdxFolder.TRAIN_IMAGES), idx(2051, 100, 28, 28, 1000)); // promises 78,400 bytes
        Files.write(folder.resolve(IdxFolder.TRAIN_LABELS), idx(2049, 100, 0, 0, 100));
        Files.write(folder.resolve(IdxFolder.TEST_IMAGES), idx(2051, 10, 28, 28, 7840));
        Files.write(folder.resolve(IdxFolder.TEST_LABELS), idx(2049, 10, 0, 0, 10));
        Path config = Files.writeString(temp.resolve("idx.json"), "{\"data\": {\"source\": \"IDX_FOLDER\", \"folder\": \""
                + folder.toString().replace("\\", "\\\\") + "\", \"trainSize\": 100}, \"training\": {\"epochs\": 1}}");
        Result r = run("train", "--config", config.toString(), "--out", temp.resolve("run").toString());
        assertEquals(TrainCommand.EXIT_FAILED, r.exit, r.out + r.err);
        String terminal = r.out + r.err;
        assertFalse(terminal.contains("\tat ") || terminal.contains("Exception"), "no stack trace:\n" + terminal);
        List<String> failed = terminal.lines().filter(l -> l.startsWith("failed: ")).toList();
        assertEquals(1, failed.size(), terminal);
        Path log = temp.resolve("cache").resolve("logs").resolve("trainlab-cli.log");
        assertTrue(failed.get(0).contains(IdxFolder.TRAIN_IMAGES) && failed.get(0).contains("truncated"), failed.get(0));
        assertTrue(failed.get(0).endsWith("(details: " + log + ")"), failed.get(0));
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(logged.contains("IdxFormatException") && logged.contains("\tat "), "the stack trace is in the log:\n" + logged);
    }

    /** An IDX header (dims after the first only when non-zero) and {@code payload} zero bytes. */
    private static byte[] idx(int magic, int count, int rows, int cols, int payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(rows > 0 ? 16 : 8).putInt(magic).putInt(count);
        if (rows > 0) {
            head.putInt(rows).putInt(cols);
        }
        out.writeBytes(head.array());
        out.writeBytes(new byte[payload]);
        return out.toByteArray();
    }
}
