package org.trainlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.engine.TrainingRun;
import org.trainlab.experiment.record.RunState;
import org.trainlab.session.Session;
import org.trainlab.session.SessionJson;
import org.trainlab.session.SessionRun;
import org.trainlab.session.SessionStore;
import picocli.CommandLine;

/** {@code train --session FILE}: the run is recorded into a session, and a normal end marks it clean. */
class TrainCommandSessionTest {

    @TempDir
    Path temp;

    private int train(StringWriter out, StringWriter err, String... args) {
        TrainCommand command = new TrainCommand(new PrintWriter(out, true), new PrintWriter(err, true),
                TrainingRun.DataSource.DEFAULT);
        return new CommandLine(command).execute(args);
    }

    @Test
    void aFinishedRunIsRecordedAndMarkedClean() throws IOException {
        Path config = temp.resolve("settings.json");
        Files.writeString(config, "{\"name\": \"Tiny\", \"data\": {\"trainSize\": 100}, \"model\": {\"kind\": \"MLP\"},"
                + " \"training\": {\"epochs\": 2, \"batchSize\": 50}}", StandardCharsets.UTF_8);
        Path sessionFile = temp.resolve("lecture.session.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = train(out, err, "--config", config.toString(), "--out", temp.resolve("run").toString(),
                "--session", sessionFile.toString());
        assertEquals(TrainCommand.EXIT_COMPLETED, exit, out + "\n" + err);
        assertTrue(out.toString().contains("session: " + sessionFile.toAbsolutePath()), out.toString());

        Session session = SessionJson.read(sessionFile);
        SessionRun run = session.runs().get(0);
        assertEquals(RunState.COMPLETED, run.state());
        assertEquals(2, run.epochs().size());
        assertEquals(4, run.losses().points().size(), "every batch: 2 per epoch");
        assertEquals(run.id(), session.activeRunId());
        SessionStore store = new SessionStore(sessionFile);
        assertFalse(store.hasRecoverable(), "a normal end is marked clean");

        StringWriter again = new StringWriter();
        assertEquals(TrainCommand.EXIT_BAD_INPUT, train(new StringWriter(), again, "--config", config.toString(),
                "--out", temp.resolve("run2").toString(), "--session", sessionFile.toString()));
        assertTrue(again.toString().contains("already exists"), again.toString());
        assertFalse(Files.exists(temp.resolve("run2")), "nothing written when refused");
    }

    @Test
    void anUnrestoredAutosaveIsNotOverwritten() throws IOException {
        String before = System.getProperty("trainlab.data.dir");
        System.setProperty("trainlab.data.dir", temp.toString());
        try {
            SessionStore.autosave().save(Session.empty());
            StringWriter err = new StringWriter();
            assertEquals(TrainCommand.EXIT_BAD_INPUT, train(new StringWriter(), err, "--out",
                    temp.resolve("run").toString(), "--autosave"));
            assertTrue(err.toString().contains("was not closed normally"), err.toString());
        } finally {
            if (before == null) {
                System.clearProperty("trainlab.data.dir");
            } else {
                System.setProperty("trainlab.data.dir", before);
            }
        }
    }
}
