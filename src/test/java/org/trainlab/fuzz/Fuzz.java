package org.trainlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Feeds a reader many damaged inputs made from one random seed and sorts what happens: a correct load,
 * a named error (the project's own exception types, which the window and the command line turn into a
 * message), or a failure: any other exception, an error such as {@link OutOfMemoryError} or
 * {@link StackOverflowError}, or a hang (no answer within the time limit). The test fails on the first
 * failures, each listed with the input's number, so {@code new SplittableRandom(seed)} replays them.
 */
public final class Fuzz<I> {

    /** Inputs per reader in the default suite (CI); {@code -Dfuzz.count} changes it. */
    public static final int COUNT = Integer.getInteger("fuzz.count", 1000);
    /** The seed every fuzz test starts from; {@code -Dfuzz.seed} changes it. */
    public static final long SEED = Long.getLong("fuzz.seed", 13L);
    private static final long TIMEOUT_MILLIS = 5_000;

    /** Reads one input; may throw. */
    @FunctionalInterface
    public interface Reader<I> {
        void read(I input) throws Exception;
    }

    private final String name;
    private final Function<SplittableRandom, I> inputs;
    private final Reader<I> reader;
    private final List<Class<? extends Throwable>> named;

    private Fuzz(String name, Function<SplittableRandom, I> inputs, Reader<I> reader, List<Class<? extends Throwable>> named) {
        this.name = name;
        this.inputs = inputs;
        this.reader = reader;
        this.named = named;
    }

    @SafeVarargs
    public static <I> Fuzz<I> of(String name, Function<SplittableRandom, I> inputs, Reader<I> reader,
                                 Class<? extends Throwable>... named) {
        return new Fuzz<>(name, inputs, reader, List.of(named));
    }

    /** What the inputs did. */
    public record Report(String reader, int inputs, int loaded, int refused, List<String> failures, long millis) {
        @Override
        public String toString() {
            return String.format("fuzz %s: %d inputs, %d loaded, %d refused with a named error, %d failures, %d ms",
                    reader, inputs, loaded, refused, failures.size(), millis);
        }
    }

    /** Runs {@link #COUNT} inputs and fails the test on any failure; returns the report. */
    public Report runAndCheck() {
        Report report = run(COUNT, SEED);
        System.out.println(report);
        assertTrue(report.failures().isEmpty(), report + "\n" + String.join("\n", report.failures()));
        assertTrue(report.loaded() + report.refused() == report.inputs(), "every input accounted for");
        return report;
    }

    public Report run(int count, long seed) {
        long started = System.nanoTime();
        ExecutorService worker = newWorker();
        int loaded = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        SplittableRandom root = new SplittableRandom(seed);
        try {
            for (int i = 0; i < count && failures.size() < 5; i++) {
                SplittableRandom r = root.split();
                I input = inputs.apply(r);
                Future<?> done = worker.submit(() -> {
                    reader.read(input);
                    return null;
                });
                try {
                    done.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                    loaded++;
                } catch (TimeoutException e) {
                    done.cancel(true);
                    worker.shutdownNow();
                    worker = newWorker(); // the stuck thread is left behind, a daemon
                    failures.add("input " + i + " (seed " + seed + "): no answer within " + TIMEOUT_MILLIS + " ms (a hang)");
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (named.stream().anyMatch(type -> type.isInstance(cause))) {
                        refused++;
                    } else {
                        failures.add("input " + i + " (seed " + seed + "): " + stack(cause));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Report(name, loaded + refused + failures.size(), loaded, refused, failures,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "fuzz", 0);
            t.setDaemon(true);
            return t;
        });
    }

    private static String stack(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        String s = out.toString();
        return s.length() > 3000 ? s.substring(0, 3000) + "..." : s;
    }
}
