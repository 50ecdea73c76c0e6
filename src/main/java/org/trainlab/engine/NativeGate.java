package org.trainlab.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door every thread passes through to use ND4J's native code, so that no batch can run while the
 * process exits. Exiting runs the native libraries' static destructors (libnd4j's shape and TAD caches)
 * on the exiting thread while other threads keep running: a batch in flight then reads freed memory and
 * the JVM dies with SIGSEGV. See docs/decisions/0008-termination.md.
 *
 * <p>A thread holds a {@link Pass} for the whole of its native work and calls {@link Pass#checkpoint()}
 * where stopping is harmless (between batches). Once the gate {@linkplain #closeAndAwait closes}, a thread
 * reaching a checkpoint, or asking for a pass, lets go of the gate and waits for the process to end; it
 * never enters native code again. {@link #closeAndAwait} returns when no thread holds a pass (or after a
 * bound). The {@linkplain #process() process gate} closes in one shutdown hook, whatever started the exit
 * (SIGTERM, the window closing, File › Quit, {@code System.exit}), and then runs the
 * {@linkplain #afterClosing steps registered to follow}, such as a last autosave: no epoch can finish
 * after them.
 */
public final class NativeGate {

    /** How long the shutdown hook waits for the batches in flight; one batch takes well under a second. */
    public static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(NativeGate.class);
    private static final NativeGate PROCESS = new NativeGate();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(PROCESS::shutdown, "trainlab-native-gate"));
        } catch (IllegalStateException exiting) {
            // first used while the process exits: close at once, so nothing enters native code now
            PROCESS.closeAndAwait(Duration.ZERO);
        }
    }

    private final Object lock = new Object();
    private final CountDownLatch never = new CountDownLatch(1);
    private final List<Runnable> afterClosing = new CopyOnWriteArrayList<>();
    /** The pass the current thread holds, so a nested {@link #enter()} neither counts twice nor parks. */
    private final ThreadLocal<Pass> held = new ThreadLocal<>();
    private int holders; // guarded by lock
    private boolean closed; // guarded by lock

    /** A gate of its own, for tests; the program uses {@link #process()}. */
    public NativeGate() {
    }

    /** The one gate of this process, closed by its shutdown hook. */
    public static NativeGate process() {
        return PROCESS;
    }

    /** Takes a pass, or, once the gate has closed, waits for the process to end and never returns. */
    public Pass enter() {
        Pass outer = held.get();
        if (outer != null && !outer.released) {
            return new Pass(true);
        }
        synchronized (lock) {
            if (!closed) {
                holders++;
                Pass pass = new Pass(false);
                held.set(pass);
                return pass;
            }
        }
        parkUntilExit();
        throw new AssertionError("unreachable");
    }

    /** Whether the gate has closed (the process is exiting). */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** How many threads hold a pass now. */
    public int holders() {
        synchronized (lock) {
            return holders;
        }
    }

    /**
     * Runs {@code step} in the shutdown hook once no thread can use native code any more (for example a
     * last save of the session, which then holds every finished epoch). Steps run in the order given.
     */
    public void afterClosing(Runnable step) {
        afterClosing.add(step);
    }

    /** Forgets a step, for an owner that finished normally (the autosave already marked clean). */
    public void removeAfterClosing(Runnable step) {
        afterClosing.remove(step);
    }

    /**
     * Closes the gate: no pass is given any more and holders let go at their next checkpoint. Waits
     * until no thread holds a pass, at most {@code bound}; returns whether none does.
     */
    public boolean closeAndAwait(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (lock) {
            closed = true;
            while (holders > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return holders == 0;
                }
            }
            return true;
        }
    }

    /** The shutdown hook: closes, waits for the batches in flight, then runs the registered steps. */
    void shutdown() {
        long started = System.nanoTime();
        boolean quiet = closeAndAwait(SHUTDOWN_BOUND);
        if (!quiet) {
            log.error("{} thread(s) still in native code after {} s; exiting anyway", holders(), SHUTDOWN_BOUND.toSeconds());
        } else {
            log.debug("native work ended {} ms after the exit began", (System.nanoTime() - started) / 1_000_000);
        }
        for (Runnable step : afterClosing) {
            try {
                step.run();
            } catch (RuntimeException e) {
                log.warn("shutdown step failed", e);
            }
        }
    }

    private void release() {
        synchronized (lock) {
            holders--;
            lock.notifyAll();
        }
    }

    private void parkUntilExit() {
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // a thread parked here must never come back into native code
            }
        }
    }

    /** Permission to use native code, held by one thread; close it when the native work is over. */
    public final class Pass implements AutoCloseable {
        private boolean released; // owner thread only

        private Pass(boolean nested) {
            this.released = nested; // a nested pass holds nothing of its own
        }

        /**
         * A safe point between two pieces of native work: returns at once while the gate is open;
         * once it has closed, lets go of the gate and waits for the process to end.
         */
        public void checkpoint() {
            if (!released && isClosed()) {
                released = true;
                held.remove();
                release();
                parkUntilExit();
            }
        }

        /**
         * Lets go of the gate while {@code waiting} runs (a pause: no native code, maybe for minutes, which
         * the exit must not wait for), then takes it again, or waits for the exit if it has closed meanwhile.
         */
        public long outside(java.util.function.LongSupplier waiting) {
            if (released) {
                return waiting.getAsLong();
            }
            released = true;
            held.remove();
            release();
            long result = waiting.getAsLong();
            synchronized (lock) {
                if (!closed) {
                    holders++;
                    released = false;
                    held.set(this);
                    return result;
                }
            }
            parkUntilExit();
            throw new AssertionError("unreachable");
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                held.remove();
                release();
            }
        }
    }
}
