package org.trainlab.ui.tasks;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * The window's door: work on a background executor (the window's one low-priority file thread), the
 * answer on the FX executor ({@link Platform#runLater} in the window).
 */
public final class ExecutorTasks implements BackgroundTasks {

    private final Executor background;
    private final Executor fx;

    public ExecutorTasks(Executor background, Executor fx) {
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** Work on {@code background}, answers on the FX thread. */
    public static ExecutorTasks fx(Executor background) {
        return new ExecutorTasks(background, Platform::runLater);
    }

    @Override
    public <T> void run(Work<T> work, Consumer<? super T> onDone, Consumer<? super Exception> onFailed) {
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                fx.execute(() -> onFailed.accept(e));
                return;
            }
            fx.execute(() -> onDone.accept(result));
        });
    }
}
