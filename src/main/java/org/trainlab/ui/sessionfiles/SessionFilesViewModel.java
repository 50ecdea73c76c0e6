package org.trainlab.ui.sessionfiles;

import java.io.IOException;
import java.nio.file.Path;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainlab.experiment.record.RunState;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Interruption;
import org.trainlab.session.Session;
import org.trainlab.session.SessionJson;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.replay.ReplayViewModel;
import org.trainlab.ui.runs.Notice;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.runs.Status;
import org.trainlab.ui.runs.queue.RunQueue;
import org.trainlab.ui.tasks.BackgroundTasks;

/**
 * The session as a file: new, open, save, and bringing back the session of a run that did not end
 * normally. Knows the file the session came from and whether it changed since (the window asks before
 * losing changes). Reading and writing go through the {@link BackgroundTasks} door.
 */
public final class SessionFilesViewModel {

    private static final Logger log = LoggerFactory.getLogger(SessionFilesViewModel.class);

    private final RunsViewModel runs;
    private final RunQueue queue;
    private final ReplayViewModel replay;
    private final BackgroundTasks tasks;
    private final LiveSession live;

    private final ReadOnlyObjectWrapper<Path> sessionFile = new ReadOnlyObjectWrapper<>(this, "sessionFile");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    /** The session as last opened or saved: the window asks before losing changes made since. */
    private Session clean;

    public SessionFilesViewModel(RunsViewModel runs, RunQueue queue, ReplayViewModel replay, BackgroundTasks tasks) {
        this.runs = runs;
        this.queue = queue;
        this.replay = replay;
        this.tasks = tasks;
        this.live = runs.session();
        runs.addRefreshListener(s -> dirty.set(!sameContent(s, clean)));
    }

    /** Shows the session the live session holds now, as if just opened (the window's start). */
    public void showCurrent() {
        replaceSession(live.snapshot(), null);
    }

    /** Reads a session file in the background; a damaged or foreign file leaves the current session as it is. */
    public void openSession(Path file) {
        tasks.run(() -> SessionJson.read(file), opened -> {
            replaceSession(settle(opened), file);
            runs.showStatus(Status.of("status.opened", file.getFileName().toString(), opened.runs().size()));
        }, e -> runs.notice(Notice.error("notice.open.title", "notice.open.failed",
                file.toString(), String.valueOf(e.getMessage()))));
    }

    /** Writes the session as it is now to {@code file} in the background; the file becomes the session's file. */
    public void saveSession(Path file) {
        Session snapshot = live.snapshot();
        tasks.runJob(() -> SessionJson.write(file, snapshot), () -> {
            sessionFile.set(file);
            clean = snapshot;
            runs.refresh();
            runs.showStatus(Status.of("status.saved", file.getFileName().toString(), snapshot.runs().size()));
        }, e -> {
            log.warn("cannot write {}", file, e);
            runs.notice(Notice.error("notice.write.title", "notice.write.failed", file.toString(),
                    String.valueOf(e.getMessage())));
        });
    }

    /** Writes the session now, on this thread: before quitting, when the write must be done before the program ends. */
    public void saveSessionNow(Path file) throws IOException {
        Session snapshot = live.snapshot();
        SessionJson.write(file, snapshot);
        sessionFile.set(file);
        clean = snapshot;
        runs.refresh();
    }

    /**
     * Brings back the session of a run that did not end normally: every finished epoch on the charts.
     * Runs that had not finished an epoch come back not started, ready to queue again.
     */
    public void restore(Session recovered) {
        Session restored = settle(recovered);
        for (SessionRun r : recovered.runs()) {
            if (r.epochs().isEmpty() && (!r.state().isFinal() || interrupted(r))) {
                restored = restored.updateRun(r.id(), x -> x.withState(RunState.QUEUED, null));
            }
        }
        replaceSession(restored, null);
        clean = null; // restored, not saved anywhere yet
        runs.refresh();
        int epochCount = recovered.runs().stream().mapToInt(r -> r.epochs().size()).sum();
        runs.showStatus(Status.of("status.restored", recovered.runs().size(), epochCount));
        runs.requestSave();
    }

    /** An empty session; runs in progress stop. */
    public void newSession() {
        replaceSession(Session.empty(), null);
        runs.showStatus(Status.of("status.ready"));
        runs.requestSave();
    }

    private void replaceSession(Session session, Path file) {
        replay.stopReplay();
        queue.clear();
        runs.load(session);
        sessionFile.set(file);
        clean = live.snapshot();
        runs.activateLoaded();
    }

    /** Which run is looked at is no change worth asking about before closing. */
    private static boolean sameContent(Session a, Session b) {
        return a == b || b != null && a.withActiveRunId(null).equals(b.withActiveRunId(null));
    }

    /** Stopped by the crash itself (see {@link Interruption}), not by the user. */
    private static boolean interrupted(SessionRun run) {
        return Interruption.isInterrupted(run);
    }

    /** Runs that were training when the file was written have stopped; queued ones become drafts. */
    static Session settle(Session session) {
        return Interruption.stop(session,
                state -> state == RunState.PREPARING || state == RunState.RUNNING || state == RunState.PAUSED);
    }

    // ---- Properties

    /** The file the session was opened from or last saved to; null for a new one. */
    public ReadOnlyObjectProperty<Path> sessionFileProperty() { return sessionFile.getReadOnlyProperty(); }
    /** Changed since it was last opened or saved. */
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
}
