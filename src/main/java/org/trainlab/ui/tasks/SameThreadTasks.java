package org.trainlab.ui.tasks;

import java.util.function.Consumer;

/** Runs the work and its answer, and every step, at once on the caller's thread: for tests and headless use. */
public final class SameThreadTasks implements BackgroundTasks {

    @Override
    public <T> void run(Work<T> work, Consumer<? super T> onDone, Consumer<? super Exception> onFailed) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailed.accept(e);
            return;
        }
        onDone.accept(result);
    }

    @Override
    public void afterFrame(Runnable step) {
        step.run();
    }
}
