package org.trainlab.session;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;

/**
 * Runs cut short by a crash or a closed window: the one place that stops them (keeping their finished
 * epochs) and the one place that tells such a run from one the user stopped. Used when an autosaved
 * session is recovered ({@link SessionStore#interrupted}) and when a session file is opened or restored.
 */
public final class Interruption {

    /** The note of an interrupted run; its one argument is the number of finished epochs it kept. */
    public static final String KEY = "run.note.interrupted";

    /** The sentence sessions saved before notes had keys, e.g. "interrupted: restored 2 finished epochs". */
    private static final Pattern OLD_SENTENCE = Pattern.compile("interrupted: restored (\\d{1,9}) finished epochs?");

    private Interruption() {
    }

    /** Stops every run whose state {@code caught} matches, with the note saying what it kept. */
    public static Session stop(Session session, Predicate<RunState> caught) {
        Session stopped = session;
        for (SessionRun run : session.runs()) {
            if (caught.test(run.state())) {
                StateNote note = note(run.epochs().size());
                stopped = stopped.updateRun(run.id(), r -> r.withState(RunState.STOPPED, note));
            }
        }
        return stopped;
    }

    /** Stopped by the interruption itself (its own note), not by the user. */
    public static boolean isInterrupted(SessionRun run) {
        return run.state() == RunState.STOPPED && run.message() != null && KEY.equals(run.message().key());
    }

    static StateNote note(int epochs) {
        return StateNote.of(KEY, epochs);
    }

    /**
     * The note for a message of a session saved before notes had keys: the interruption's own sentence
     * becomes its note again (so such a run is still known as interrupted), any other sentence is kept as it is.
     */
    static StateNote fromOldMessage(String message) {
        Matcher m = OLD_SENTENCE.matcher(message);
        return m.matches() ? note(Integer.parseInt(m.group(1))) : StateNote.text(message);
    }
}
