package org.trainlab.engine;

import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.record.RunState;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs trainings on background threads, at most {@code maxConcurrent} at a time; the rest wait in
 * submission order. A service made with {@link #background} runs its trainings at a lower operating
 * system priority, so a window sharing the cores stays responsive. See docs/decisions/0001-threading.md
 * and 0007-background-priority.md.
 */
public final class TrainingService implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final TrainingRun.DataSource dataSource;
    private final Set<TrainingRun> active = ConcurrentHashMap.newKeySet();

    public TrainingService(int maxConcurrent) {
        this(maxConcurrent, TrainingRun.DataSource.DEFAULT);
    }

    public TrainingService(int maxConcurrent, TrainingRun.DataSource dataSource) {
        this(maxConcurrent, dataSource, false);
    }

    /** A service whose training threads yield the cores to the window: see {@link BackgroundPriority}. */
    public static TrainingService background(int maxConcurrent) {
        return new TrainingService(maxConcurrent, TrainingRun.DataSource.DEFAULT, true);
    }

    TrainingService(int maxConcurrent, TrainingRun.DataSource dataSource, boolean background) {
        this.dataSource = dataSource;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(background ? BackgroundPriority.lowered(r) : r, "trainlab-run-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        int n = Math.max(1, maxConcurrent);
        this.executor = new ThreadPoolExecutor(n, n, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
    }

    /**
     * Changes how many runs train at once, from any thread. Raising it starts waiting runs at once;
     * lowering it lets running ones finish and starts no more until fewer than the new limit run.
     */
    public synchronized void setMaxConcurrent(int maxConcurrent) {
        int n = Math.max(1, maxConcurrent);
        // the core size may never exceed the maximum, so the order depends on the direction
        if (n > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(n);
            executor.setCorePoolSize(n);
        } else {
            executor.setCorePoolSize(n);
            executor.setMaximumPoolSize(n);
        }
    }

    /** Runs submitted and not yet given a thread: they cannot start until a running one ends or the limit rises. */
    int waiting() {
        return executor.getQueue().size();
    }

    /** How many runs may train at once. */
    public int maxConcurrent() {
        return executor.getMaximumPoolSize();
    }

    /**
     * A sensible number of simultaneous runs: one per two cores, at least one; on two cores two, since
     * the window gives each run one native thread there and two such runs at once finished 1.25 times
     * sooner than two in turn with two threads each (docs/performance.md, "Several small runs at once").
     */
    public static int defaultConcurrency() {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores == 2 ? 2 : Math.max(1, cores / 2);
    }

    /** Queues a run; it starts when a slot is free. Invalid settings throw at once. */
    public RunHandle submit(ExperimentSettings settings, TrainingListener listener) {
        TrainingRun run = new TrainingRun(settings, dataSource, listener);
        active.add(run);
        CompletableFuture<RunState> done = CompletableFuture.supplyAsync(() -> {
            try {
                return run.run();
            } finally {
                active.remove(run);
            }
        }, executor);
        return new RunHandle(run, done);
    }

    /** How long {@link #close()} waits for runs to reach the end of their batch. */
    static final long CLOSE_WAIT_SECONDS = 10;

    /**
     * Stops every run at its next batch (queued ones before they start) and waits for them to end, a
     * few seconds at most: the program may exit next, and exiting frees native memory that a batch still
     * in flight would be using.
     */
    @Override
    public void close() {
        active.forEach(TrainingRun::stop);
        executor.shutdown();
        try {
            executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Control of one submitted run from any thread. */
    public record RunHandle(TrainingRun run, CompletableFuture<RunState> done) {
        public void pause() {
            run.pause();
        }

        public void resume() {
            run.resume();
        }

        public void stop() {
            run.stop();
        }

        public RunState state() {
            return run.state();
        }
    }
}
