package org.trainlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.experiment.json.RunRecordJson;
import org.trainlab.experiment.json.StrictJson;
import org.trainlab.experiment.record.RunRecord;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.text.Messages;
import org.trainlab.experiment.text.StateNote;

/** Session files and run records keep why a run ended as key and arguments, and still read the sentences older files hold. */
class StateNoteFilesTest {

    private static final StateNote BY_USER = StateNote.of("run.note.stoppedByUser", 3, 5);

    private static Session session() {
        Session three = SessionSamples.threeRuns();
        return three.updateRun("run-a", r -> r.withState(RunState.STOPPED, BY_USER));
    }

    /** The session's JSON with run {@code index}'s message replaced by a sentence, as older TrainLabs wrote it. */
    private static String withOldMessage(Session session, int index, String sentence) {
        ObjectNode root = StrictJson.parseObject(SessionJson.write(session));
        ((ObjectNode) ((ArrayNode) root.get("runs")).get(index)).put("message", sentence);
        return root.toString();
    }

    @Test
    void aSessionKeepsTheNotesKeyAndArguments(@TempDir Path folder) throws IOException {
        Session session = session();
        String json = SessionJson.write(session);
        assertTrue(json.contains("\"run.note.stoppedByUser\""), json);
        assertFalse(json.contains("stopped by the user"), "no sentence in the file: " + json);

        Path file = folder.resolve("notes.json");
        SessionJson.write(file, session);
        Session read = SessionJson.read(file);
        assertEquals(BY_USER, read.run("run-a").orElseThrow().message());
        assertEquals(StateNote.of("run.note.diverged", "NaN", 2, 1, 2), read.run("run-b").orElseThrow().message());
        assertEquals(null, read.run("run-c").orElseThrow().message());
        assertEquals(session, read);
    }

    @Test
    void anOldSessionWithAnEnglishMessageStillOpensAndShowsItAsItIs() {
        String old = withOldMessage(session(), 1, "the loss became NaN at iteration 2");
        SessionRun run = SessionJson.read(old).run("run-b").orElseThrow();
        assertEquals(RunState.DIVERGED, run.state());
        assertEquals(StateNote.text("the loss became NaN at iteration 2"), run.message());
        assertEquals("the loss became NaN at iteration 2", run.message().in(Messages.of(Messages.KOREAN)));
        assertFalse(Interruption.isInterrupted(run));
    }

    @Test
    void anInterruptedRunIsKnownAfterARoundTrip() {
        Session caught = SessionSamples.threeRuns().updateRun("run-a", r -> r.withState(RunState.RUNNING, null));
        Session stopped = Interruption.stop(caught, state -> !state.isFinal());
        Session read = SessionJson.read(SessionJson.write(stopped));
        SessionRun interrupted = read.run("run-a").orElseThrow();
        assertTrue(Interruption.isInterrupted(interrupted));
        assertEquals(StateNote.of(Interruption.KEY, 2), interrupted.message());
        assertFalse(Interruption.isInterrupted(SessionJson.read(SessionJson.write(session())).run("run-a").orElseThrow()),
                "a run the user stopped is not interrupted");
    }

    @Test
    void anOldSessionsInterruptionSentenceIsStillKnown() {
        Session caught = session().updateRun("run-a", r -> r.withState(RunState.STOPPED, null));
        SessionRun run = SessionJson.read(withOldMessage(caught, 0, "interrupted: restored 2 finished epochs"))
                .run("run-a").orElseThrow();
        assertTrue(Interruption.isInterrupted(run));
        assertEquals("interrupted: restored 2 finished epochs", run.message().english());

        SessionRun byUser = SessionJson.read(withOldMessage(caught, 0, "stopped by the user in epoch 3, batch 5"))
                .run("run-a").orElseThrow();
        assertFalse(Interruption.isInterrupted(byUser));
    }

    @Test
    void aRunRecordKeepsItsNoteAndReadsAnOldSentence() {
        RunRecord record = SessionRun.queued("r", 0, Defaults.settings()).withState(RunState.STOPPED, BY_USER).toRecord();
        assertEquals(BY_USER, RunRecordJson.read(RunRecordJson.write(record)).message());

        ObjectNode old = StrictJson.parseObject(RunRecordJson.write(record));
        old.put("message", "stopped by the user in epoch 3, batch 5");
        assertEquals(List.of("stopped by the user in epoch 3, batch 5"), RunRecordJson.read(old.toString()).message().args());
    }
}
