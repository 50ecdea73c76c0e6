package org.trainlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.data.AppDirs;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;

/**
 * The autosave's promise, end to end: a real training process ({@code train --autosave} in a child JVM)
 * is killed with SIGKILL in the middle of training, and the next start restores every epoch it had
 * finished and saved.
 */
class AutosaveKillTest {

    private static final long WAIT_FOR_EPOCHS_MILLIS = 60_000;

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aKilledTrainingProcessLeavesEveryFinishedEpochToRestore() throws Exception {
        Path dataDir = temp.resolve("data");
        Path config = temp.resolve("settings.json");
        // 1000 epochs: the run cannot finish before it is killed
        Files.writeString(config, """
                {"name": "Killed mid-run", "data": {"trainSize": 500}, "model": {"kind": "MLP"},
                 "training": {"epochs": 1000, "batchSize": 50, "seed": 3}}""", StandardCharsets.UTF_8);
        Path log = temp.resolve("child.log");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-D" + AppDirs.DATA_PROPERTY + "=" + dataDir,
                "-cp", System.getProperty("java.class.path"),
                "org.trainlab.app.Main", "train", "--config", config.toString(),
                "--out", temp.resolve("run").toString(), "--autosave")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SessionStore store = new SessionStore(dataDir.resolve("autosave").resolve("session.json"));
        long started = System.nanoTime();
        int epochsSeen;
        try {
            epochsSeen = waitForEpochsOnDisk(child, store.file(), 2, log);
            assertTrue(child.isAlive(), "the run is still training when it is killed");
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no final save
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed process ended");
        } finally {
            child.destroyForcibly();
        }
        System.out.printf("autosave kill test: %d epochs on disk after %.1f s, then killed (exit %d)%n",
                epochsSeen, (System.nanoTime() - started) / 1e9, child.exitValue());
        assertTrue(child.exitValue() != 0, "killed, not ended normally");

        Session onDisk = SessionJson.read(store.file());
        SessionRun lastSaved = onDisk.runs().get(0);
        assertFalse(lastSaved.state().isFinal(), "the last save was made while training: " + lastSaved.state());

        Optional<Session> recovered = store.findRecoverable();
        assertTrue(recovered.isPresent(), "the next start finds the session to restore");
        assertEquals(1, recovered.get().runs().size());
        SessionRun run = recovered.get().runs().get(0);
        List<EpochMetrics> epochs = run.epochs();
        assertTrue(epochs.size() >= 2, "at least two finished epochs restored, got " + epochs.size());
        assertEquals(lastSaved.epochs(), epochs, "exactly the epochs that were on disk");
        for (int i = 0; i < epochs.size(); i++) {
            assertEquals(i + 1, epochs.get(i).epoch(), "epochs in order, none missing");
        }
        assertEquals(RunState.STOPPED, run.state());
        assertEquals("interrupted: restored " + epochs.size() + " finished epochs", run.message().english());
        assertEquals("Killed mid-run", run.name());
        assertEquals(3L, run.settings().training().seed());
        assertTrue(run.provenance() != null && run.normalizationStd() > 0, "prepared facts kept");
        assertFalse(run.losses().isEmpty(), "the loss curve up to the last saved epoch is kept");
        assertEquals(epochs.get(epochs.size() - 1).iteration(),
                run.losses().points().get(run.losses().points().size() - 1).iteration(),
                "the loss curve reaches the last saved epoch");
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(printed.contains("epoch " + epochs.size() + "/1000"), "the child trained those epochs:\n" + printed);
    }

    /** Polls the autosave until it holds {@code wanted} finished epochs; returns how many it holds then. */
    private static int waitForEpochsOnDisk(Process child, Path file, int wanted, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_FOR_EPOCHS_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                fail("the training process ended early (exit " + child.exitValue() + "):\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            if (Files.exists(file)) {
                // atomic writes: whatever is there is a whole session
                int epochs = SessionJson.read(file).runs().get(0).epochs().size();
                if (epochs >= wanted) {
                    return epochs;
                }
            }
            Thread.sleep(20);
        }
        fail("no " + wanted + " epochs in " + file + " within " + WAIT_FOR_EPOCHS_MILLIS / 1000 + " s:\n"
                + Files.readString(log, StandardCharsets.UTF_8));
        return -1;
    }
}
