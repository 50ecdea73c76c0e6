package org.trainlab.ui.tasks;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * The window's door: work on a background executor (the window's one low-priority file thread), the
 * answer on the FX executor ({@link Platform#runLater} in the window), steps one a frame
 * ({@link FrameSteps} in the window).
 */
public final class ExecutorTasks implements BackgroundTasks {

    private final Executor background;
    private final Executor fx;
    private final Executor frames;

    /** Steps on {@code fx} as well. */
    public ExecutorTasks(Executor background, Executor fx) {
        this(background, fx, fx);
    }

    public ExecutorTasks(Executor background, Executor fx, Executor frames) {
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.frames = Objects.requireNonNull(frames, "frames");
    }

    /** Work on {@code background}, answers on the FX thread, steps one a frame. */
    public static ExecutorTasks fx(Executor background) {
        return new ExecutorTasks(background, Platform::runLater, FrameSteps::later);
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

    @Override
    public void afterFrame(Runnable step) {
        frames.execute(step);
    }
}
