package org.trainlab.session;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The workbench's current session, shared by the training threads (through {@link SessionRecorder}s),
 * the {@link SessionAutosaver} and the window. It holds one immutable {@link Session} and replaces it
 * atomically on every change, so a snapshot is always consistent and reading one never blocks.
 *
 * <p>Listeners are called on the thread that made the change (often a training thread): a window
 * hands the new session to its own thread and returns at once.
 */
public final class LiveSession {

    private final AtomicReference<Session> current;
    private final List<Consumer<Session>> listeners = new CopyOnWriteArrayList<>();

    public LiveSession(Session initial) {
        current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    /** The session as it is now. */
    public Session snapshot() {
        return current.get();
    }

    /**
     * Applies a change atomically and tells the listeners. The change may be applied more than once
     * when threads race, so it must be a pure function of the session it is given.
     */
    public Session update(UnaryOperator<Session> change) {
        Session before;
        Session after;
        do {
            before = current.get();
            after = Objects.requireNonNull(change.apply(before), "a session change returned null");
        } while (!current.compareAndSet(before, after));
        if (after != before) {
            for (Consumer<Session> listener : listeners) {
                listener.accept(after);
            }
        }
        return after;
    }

    /** Changes one run; nothing happens when the run has been removed meanwhile. */
    public Session updateRun(String runId, UnaryOperator<SessionRun> change) {
        return update(s -> s.updateRun(runId, change));
    }

    /** Replaces the whole session, e.g. after opening a file or restoring an autosave. */
    public Session replace(Session session) {
        Objects.requireNonNull(session, "session");
        return update(s -> session);
    }

    public void addListener(Consumer<Session> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<Session> listener) {
        listeners.remove(listener);
    }
}
