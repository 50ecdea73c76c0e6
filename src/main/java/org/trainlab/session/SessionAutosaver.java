package org.trainlab.session;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps a {@link SessionStore} up to date on one background thread. {@link #requestSave()} is cheap and
 * never blocks: it is called after every finished epoch (from training threads) and whenever the
 * window changes the session. Requests that arrive while a save is pending are coalesced into that
 * save, which takes the session as it is when it runs; saves are at least {@code minInterval} apart, so
 * a burst of fast epochs costs one write, not one per epoch, and at least {@value #BUSY_SHARE} times
 * the last save's own time apart, so a session grown large (the Inside figures of many runs: 10.6 MB
 * for the overfitting preset, 27 ms a save with {@link SessionWriter} writing only new epochs afresh,
 * 150 ms before it did) keeps the autosave thread busy for at most a tenth of the time instead of
 * taking a core from training. A request made after a save has taken its snapshot always leads to
 * another save, so the last change is never lost.
 *
 * <p>On normal exit call {@link #markClean()} (keeps the file, marks it as needing no recovery) or
 * {@link #discard()} (deletes it). {@link #close()} saves once more and stops without marking, as
 * after an error. A save that fails (disk full, folder removed) is logged, reported to the problem
 * listener once (until a save works again), and retried on the next request; the file keeps the last
 * save that worked, since every write is atomic.
 */
public final class SessionAutosaver implements AutoCloseable {

    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(SessionAutosaver.class);
    private static final long FINAL_SAVE_TIMEOUT_SECONDS = 30;

    private final SessionStore store;
    private final Supplier<Session> source;
    private final long minIntervalNanos;
    private final ScheduledThreadPoolExecutor writer;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong saves = new AtomicLong();
    private volatile boolean closed;
    private volatile Consumer<String> problemListener = message -> { };
    /** Saves are at least this many times the last save's duration apart (start to start, about). */
    static final int BUSY_SHARE = 10;

    private long lastSaveNanos; // writer thread only
    private long lastSaveTookNanos; // writer thread only
    private boolean savedOnce; // writer thread only
    private boolean failing; // writer thread only: the last save failed, and the listener was told

    public SessionAutosaver(SessionStore store, Supplier<Session> source) {
        this(store, source, DEFAULT_MIN_INTERVAL);
    }

    /**
     * @param source      gives the session to save; called on the writer thread, so it must be thread-safe
     *                    ({@link LiveSession#snapshot()} is)
     * @param minInterval the least time between two saves; zero saves as soon as asked
     */
    public SessionAutosaver(SessionStore store, Supplier<Session> source, Duration minInterval) {
        this.store = Objects.requireNonNull(store, "store");
        this.source = Objects.requireNonNull(source, "source");
        this.minIntervalNanos = minInterval.toNanos();
        this.writer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "trainlab-autosave");
            t.setDaemon(true);
            return t;
        });
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Receives a sentence for people when a save fails; called on the writer thread. */
    public void setProblemListener(Consumer<String> listener) {
        problemListener = Objects.requireNonNull(listener, "listener");
    }

    public SessionStore store() {
        return store;
    }

    /** How many saves have been written so far. */
    public long saveCount() {
        return saves.get();
    }

    /** Asks for a save soon; returns at once. Ignored once the autosaver is closed. */
    public void requestSave() {
        if (closed || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            writer.execute(this::scheduledSave);
        } catch (RejectedExecutionException e) {
            pending.set(false); // closed meanwhile
        }
    }

    /** Runs on the writer thread: waits out the minimum interval, then saves. */
    private void scheduledSave() {
        long gap = Math.max(minIntervalNanos, (BUSY_SHARE - 1) * lastSaveTookNanos);
        long wait = savedOnce ? lastSaveNanos + gap - System.nanoTime() : 0;
        if (wait > 0) {
            writer.schedule(this::saveNow, wait, TimeUnit.NANOSECONDS);
        } else {
            saveNow();
        }
    }

    private void saveNow() {
        if (closed) {
            return;
        }
        pending.set(false); // from here on, a new request means a newer state: it schedules another save
        save();
    }

    private boolean save() {
        long start = System.nanoTime();
        try {
            store.save(source.get());
            saves.incrementAndGet();
            if (failing) {
                failing = false;
                log.info("autosave to {} works again", store.file());
            }
            return true;
        } catch (IOException | RuntimeException e) {
            // a full disk fails every save: say it once, not after every epoch, until a save works again
            String message = "autosave to " + store.file() + " failed: " + e.getMessage();
            if (!failing) {
                failing = true;
                log.warn(message, e);
                problemListener.accept(message);
            } else {
                log.debug(message);
            }
            return false;
        } finally {
            lastSaveNanos = System.nanoTime();
            lastSaveTookNanos = lastSaveNanos - start;
            savedOnce = true;
        }
    }

    /** Saves the current session now, on the writer thread, and waits for it; for tests and before exit. */
    public void flush() {
        if (closed) {
            return;
        }
        runOnWriter(() -> {
            pending.set(false);
            save();
        });
    }

    /** Saves once more, marks the store clean and stops: the next start offers nothing to restore. */
    public void markClean() {
        finish(() -> {
            if (save()) {
                try {
                    store.markClean();
                } catch (IOException e) {
                    problemListener.accept("cannot mark the autosave as cleanly closed: " + e.getMessage());
                }
            }
        });
    }

    /** Stops and deletes the autosave: for a normal exit after the user saved or chose not to keep the work. */
    public void discard() {
        finish(() -> {
            try {
                store.discard();
            } catch (IOException e) {
                problemListener.accept("cannot delete the autosave " + store.file() + ": " + e.getMessage());
            }
        });
    }

    /** Saves once more and stops, leaving the store unmarked (the next start offers to restore it). */
    @Override
    public void close() {
        finish(this::save);
    }

    private void finish(Runnable last) {
        if (closed) {
            return;
        }
        runOnWriter(() -> {
            closed = true;
            last.run();
        });
        closed = true;
        writer.shutdownNow();
    }

    private void runOnWriter(Runnable task) {
        Future<?> done = writer.submit(task);
        try {
            done.get(FINAL_SAVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("autosave task failed", e.getCause());
        } catch (TimeoutException e) {
            log.warn("autosave did not finish within {} s", FINAL_SAVE_TIMEOUT_SECONDS);
        }
    }
}
