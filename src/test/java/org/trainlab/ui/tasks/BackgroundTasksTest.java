package org.trainlab.ui.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

class BackgroundTasksTest {

    /** Holds tasks until the test runs them, as a thread would later. */
    private static final class Later implements Executor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    @Test
    void workRunsInTheBackgroundAndItsAnswerComesBackOnTheFxExecutor() {
        Later background = new Later();
        Later fx = new Later();
        List<String> seen = new ArrayList<>();
        new ExecutorTasks(background, fx).run(() -> {
            seen.add("work");
            return 42;
        }, n -> seen.add("done " + n), e -> seen.add("failed"));

        assertTrue(seen.isEmpty(), "nothing on the caller's thread");
        background.runAll();
        assertEquals(List.of("work"), seen, "the answer waits for the FX executor");
        fx.runAll();
        assertEquals(List.of("work", "done 42"), seen);
    }

    @Test
    void aFailureReachesOnlyTheFailureHandler() {
        Later background = new Later();
        Later fx = new Later();
        List<String> seen = new ArrayList<>();
        new ExecutorTasks(background, fx).runJob(() -> {
            throw new IOException("disk full");
        }, () -> seen.add("done"), e -> seen.add("failed: " + e.getMessage()));
        background.runAll();
        fx.runAll();
        assertEquals(List.of("failed: disk full"), seen);
    }

    @Test
    void theSameThreadDoorAnswersAtOnce() {
        List<String> seen = new ArrayList<>();
        BackgroundTasks tasks = new SameThreadTasks();
        tasks.run(() -> "read", seen::add, e -> seen.add("failed"));
        tasks.runJob(() -> {
            throw new IllegalStateException("broken");
        }, () -> seen.add("done"), e -> seen.add(e.getMessage()));
        assertEquals(List.of("read", "broken"), seen);
    }

    @Test
    void stepsGoToTheFramesInTheOrderGivenAndToTheFxExecutorWhenThereAreNone() {
        Later background = new Later();
        Later fx = new Later();
        Later frames = new Later();
        List<String> seen = new ArrayList<>();
        ExecutorTasks window = new ExecutorTasks(background, fx, frames);
        window.afterFrame(() -> seen.add("rows"));
        window.afterFrame(() -> seen.add("charts"));
        fx.runAll();
        assertTrue(seen.isEmpty(), "a step waits for its frame");
        frames.runAll();
        assertEquals(List.of("rows", "charts"), seen);

        new ExecutorTasks(background, fx).afterFrame(() -> seen.add("later"));
        fx.runAll();
        assertEquals(List.of("rows", "charts", "later"), seen);
    }
}
