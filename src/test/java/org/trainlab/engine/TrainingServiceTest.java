package org.trainlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.record.RunState;

/** The concurrency limit, with runs held in their data loading so no training happens. */
class TrainingServiceTest {

    @Test
    void raisingTheLimitStartsAWaitingRunAtOnce() throws Exception {
        AtomicInteger loading = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        TrainingRun.DataSource held = (settings, listener, cancel) -> {
            loading.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("no data in this test");
        };
        try (TrainingService service = new TrainingService(1, held)) {
            TrainingService.RunHandle first = service.submit(Defaults.settings(), TrainingListener.NONE);
            TrainingService.RunHandle second = service.submit(Defaults.settings(), TrainingListener.NONE);
            waitFor(() -> loading.get() == 1);
            // the second waits in the pool's queue: no thread is free to start it while the first holds the only one
            assertEquals(1, service.waiting(), "one at a time");
            assertEquals(1, loading.get(), "one at a time");
            assertEquals(RunState.QUEUED, second.state());

            service.setMaxConcurrent(2);
            assertEquals(2, service.maxConcurrent());
            waitFor(() -> loading.get() == 2);

            service.setMaxConcurrent(1);
            assertEquals(1, service.maxConcurrent());
            release.countDown();
            assertEquals(RunState.FAILED, first.done().get(10, TimeUnit.SECONDS));
            assertEquals(RunState.FAILED, second.done().get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aBackgroundServiceTrainsBelowTheWindowsPriorityAndAPlainOneDoesNot() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux reports nice values per thread");
        int mine = BackgroundPriority.currentNice();
        assertEquals(Math.min(19, mine + BackgroundPriority.NICE), niceOfTrainingThread(true), "background service");
        assertEquals(mine, niceOfTrainingThread(false), "plain service (the command line)");
        assertEquals(mine, BackgroundPriority.currentNice(), "the caller's own priority is untouched");
    }

    /** The nice value the training thread reports while loading its data. */
    private static int niceOfTrainingThread(boolean background) throws Exception {
        AtomicInteger nice = new AtomicInteger(Integer.MIN_VALUE);
        TrainingRun.DataSource probe = (settings, listener, cancel) -> {
            nice.set(BackgroundPriority.currentNice());
            throw new IOException("no data in this test");
        };
        try (TrainingService service = new TrainingService(1, probe, background)) {
            assertEquals(RunState.FAILED, service.submit(Defaults.settings(), TrainingListener.NONE).done().get(10, TimeUnit.SECONDS));
        }
        return nice.get();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "condition not met within 10 s");
            Thread.sleep(20);
        }
    }
}
