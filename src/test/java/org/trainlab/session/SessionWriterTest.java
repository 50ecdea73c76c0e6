package org.trainlab.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The autosave's writer writes again the text of epochs it wrote before, and the file is the same as written afresh. */
class SessionWriterTest {

    @TempDir
    Path dir;

    private static SessionRun run(String id, int epochs) {
        List<InsideEpoch> inside = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            inside.add(SessionInsideTest.inside(e));
        }
        return new SessionRun(id, 0, null, Defaults.settings(), RunState.RUNNING, null, 0.1307, 0.3081, null,
                List.of(), LossCurve.EMPTY, inside, null);
    }

    @Test
    void epochsWrittenBeforeAreNotTurnedIntoTextAgainAndTheFileIsTheSameAsWrittenAfresh() throws Exception {
        SessionWriter writer = SessionWriter.remembering();
        Path file = dir.resolve("session.json");
        Session first = Session.empty().withRun(run("a", 2)).withRun(run("b", 1));
        writer.write(file, first);
        assertEquals(3, writer.turnedIntoText());
        assertEquals(SessionJson.write(first) + "\n", Files.readString(file));

        writer.write(file, first);
        assertEquals(3, writer.turnedIntoText(), "the same session again: nothing new to turn into text");

        Session next = first.updateRun("a", r -> r.withInside(SessionInsideTest.inside(3))); // as the recorder adds an epoch
        writer.write(file, next);
        assertEquals(4, writer.turnedIntoText(), "one new epoch: one epoch turned into text");
        assertEquals(SessionJson.write(next) + "\n", Files.readString(file));
        assertEquals(next, SessionJson.read(file));
    }

    @Test
    void keepsTheTextOfTheLastWritesEpochsOnly() throws Exception {
        SessionWriter writer = SessionWriter.remembering();
        Path file = dir.resolve("session.json");
        Session both = Session.empty().withRun(run("a", 3)).withRun(run("b", 2));
        writer.write(file, both);
        assertEquals(5, writer.kept());
        writer.write(file, both.withoutRun("a"));
        assertEquals(2, writer.kept(), "a removed run's figures are let go");
        writer.write(file, both);
        assertEquals(8, writer.turnedIntoText(), "and turned into text again if the run comes back");
    }

    @Test
    void aRunsInsideFiguresTakeOneLineLikeEveryArray() {
        String text = SessionJson.write(Session.empty().withRun(run("a", 2)));
        List<String> lines = text.lines().filter(l -> l.contains("\"mistakes\"")).toList();
        assertEquals(1, lines.size(), text);
        assertTrue(lines.get(0).trim().startsWith("\"inside\": [{\"epoch\": 1, \"confusion\": {\"counts\": [[19, 0, "), text);
        assertTrue(lines.get(0).contains("}, {\"epoch\": 2, "), text);
    }

    @Test
    void aForgetfulWriterKeepsNothing() throws Exception {
        SessionWriter writer = SessionWriter.forgetful();
        writer.write(dir.resolve("s.json"), Session.empty().withRun(run("a", 2)));
        assertEquals(0, writer.kept());
    }
}
