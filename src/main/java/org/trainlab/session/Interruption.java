package org.trainlab.session;

import java.util.function.Predicate;

import org.trainlab.experiment.record.RunState;

/**
 * Runs cut short by a crash or a closed window: the one place that stops them (keeping their finished
 * epochs) and the one place that tells such a run from one the user stopped. Used when an autosaved
 * session is recovered ({@link SessionStore#interrupted}) and when a session file is opened or restored.
 */
public final class Interruption {

    private Interruption() {
    }

    /** Stops every run whose state {@code caught} matches, with the message saying what it kept. */
    public static Session stop(Session session, Predicate<RunState> caught) {
        Session stopped = session;
        for (SessionRun run : session.runs()) {
            if (caught.test(run.state())) {
                String message = message(run.epochs().size());
                stopped = stopped.updateRun(run.id(), r -> r.withState(RunState.STOPPED, message));
            }
        }
        return stopped;
    }

    /** Stopped by the interruption itself (its own message, word for word), not by the user. */
    public static boolean isInterrupted(SessionRun run) {
        return run.state() == RunState.STOPPED && message(run.epochs().size()).equals(run.message());
    }

    static String message(int epochs) {
        return "interrupted: restored " + epochs + " finished epoch" + (epochs == 1 ? "" : "s");
    }
}
