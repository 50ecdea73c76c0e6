package org.trainlab.ui.tasks;

import java.util.function.Consumer;

/**
 * The one door to work done later: background work (reading and writing files, loading presets) runs off
 * the FX thread, its result or its failure comes back on the FX thread; the steps of a long action on
 * the FX thread run one per frame. View models are handed a door and never own threads; tests hand them
 * {@link SameThreadTasks}, so asynchronous code runs deterministically.
 */
public interface BackgroundTasks {

    /** Work for the background: may block, must not touch the window. */
    @FunctionalInterface
    interface Work<T> {
        T call() throws Exception;
    }

    /** Work without a result, e.g. writing a file. */
    @FunctionalInterface
    interface Job {
        void run() throws Exception;
    }

    /**
     * Runs {@code work} in the background, then {@code onDone} with its result, or {@code onFailed} with
     * what it threw, on the FX thread.
     */
    <T> void run(Work<T> work, Consumer<? super T> onDone, Consumer<? super Exception> onFailed);

    /**
     * Runs {@code step} on the FX thread once the window has shown what was changed before it, after the
     * steps given before it: a long action goes in steps, one a frame, so the window never freezes for the
     * sum of them.
     */
    void afterFrame(Runnable step);

    /** {@link #run} for work without a result. */
    default void runJob(Job job, Runnable onDone, Consumer<? super Exception> onFailed) {
        this.<Void>run(() -> {
            job.run();
            return null;
        }, ignored -> onDone.run(), onFailed);
    }
}
