package org.trainlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The exit waits for native work in flight and lets none start after it: see {@link NativeGate}. */
@Timeout(20)
class NativeGateTest {

    private final NativeGate gate = new NativeGate();

    /** A worker doing "batches" (counted) between checkpoints, as a training thread does. */
    private Thread worker(AtomicInteger batches, CountDownLatch inBatch, CountDownLatch finishBatch) {
        Thread t = new Thread(() -> {
            try (NativeGate.Pass pass = gate.enter()) {
                while (true) {
                    pass.checkpoint();
                    batches.incrementAndGet();
                    inBatch.countDown();
                    await(finishBatch); // the batch in flight
                }
            }
        }, "gate-test-worker");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void closingWaitsForTheBatchInFlightAndNoBatchStartsAfterIt() throws Exception {
        AtomicInteger batches = new AtomicInteger();
        CountDownLatch inBatch = new CountDownLatch(1);
        CountDownLatch finishBatch = new CountDownLatch(1);
        Thread t = worker(batches, inBatch, finishBatch);
        assertTrue(inBatch.await(5, TimeUnit.SECONDS));

        assertFalse(gate.closeAndAwait(Duration.ofMillis(200)), "a batch is still in flight");
        assertEquals(1, gate.holders());
        finishBatch.countDown();
        assertTrue(gate.closeAndAwait(Duration.ofSeconds(5)), "the batch ended and its thread let go");
        assertEquals(0, gate.holders());
        int seen = batches.get();
        t.join(300);
        assertTrue(t.isAlive(), "the worker waits for the exit at its checkpoint, it does not go on");
        assertEquals(seen, batches.get(), "no batch after the gate closed");
    }

    @Test
    void aThreadAskingAfterTheCloseNeverEnters() throws Exception {
        assertTrue(gate.closeAndAwait(Duration.ZERO), "nothing held");
        AtomicInteger entered = new AtomicInteger();
        Thread t = new Thread(() -> {
            try (NativeGate.Pass pass = gate.enter()) {
                entered.incrementAndGet();
            }
        });
        t.setDaemon(true);
        t.start();
        t.join(300);
        assertTrue(t.isAlive());
        assertEquals(0, entered.get());
        assertEquals(0, gate.holders());
    }

    @Test
    void aPausedRunDoesNotHoldUpTheExit() throws Exception {
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicInteger after = new AtomicInteger();
        Thread t = new Thread(() -> {
            try (NativeGate.Pass pass = gate.enter()) {
                pass.outside(() -> {
                    paused.countDown();
                    await(resume);
                    return 0;
                });
                after.incrementAndGet(); // native work after the pause: must not happen once closed
            }
        });
        t.setDaemon(true);
        t.start();
        assertTrue(paused.await(5, TimeUnit.SECONDS));
        assertTrue(gate.closeAndAwait(Duration.ofSeconds(1)), "a pause holds no pass");
        resume.countDown();
        t.join(300);
        assertTrue(t.isAlive(), "resumed after the close: waits for the exit");
        assertEquals(0, after.get());
    }

    @Test
    void aNestedPassCountsOnceAndEndsWithTheOuterOne() {
        try (NativeGate.Pass outer = gate.enter()) {
            try (NativeGate.Pass inner = gate.enter()) {
                assertEquals(1, gate.holders());
            }
            assertEquals(1, gate.holders(), "the outer pass still holds");
        }
        assertEquals(0, gate.holders());
        assertTrue(gate.closeAndAwait(Duration.ZERO));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
