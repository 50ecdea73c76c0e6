package org.trainlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.experiment.settings.Defaults;

class SessionAutosaverTest {

    @TempDir
    Path folder;

    private SessionStore store() {
        return new SessionStore(folder.resolve("session.json"));
    }

    private static Session withEpochs(int n) {
        SessionRun run = SessionRun.queued("r", 0, Defaults.settings());
        for (int e = 1; e <= n; e++) {
            run = run.withEpoch(SessionSamples.epoch(e, e * 10L, e));
        }
        return Session.empty().withRun(run);
    }

    @Test
    void aBurstOfRequestsIsCoalescedAndTheLastStateIsSaved() throws IOException {
        LiveSession live = new LiveSession(withEpochs(0));
        try (SessionAutosaver saver = new SessionAutosaver(store(), live::snapshot, Duration.ofMillis(300))) {
            for (int e = 1; e <= 200; e++) {
                int epochs = e;
                live.replace(withEpochs(epochs));
                saver.requestSave();
            }
            saver.flush();
            assertTrue(saver.saveCount() <= 3, saver.saveCount() + " saves for 200 requests");
            assertEquals(200, SessionJson.read(store().file()).runs().get(0).epochs().size());
        }
    }

    @Test
    void aRequestAfterASaveTookItsSnapshotLeadsToAnotherSave() throws Exception {
        LiveSession live = new LiveSession(withEpochs(1));
        try (SessionAutosaver saver = new SessionAutosaver(store(), live::snapshot, Duration.ZERO)) {
            saver.requestSave();
            waitFor(() -> saver.saveCount() >= 1);
            live.replace(withEpochs(2));
            saver.requestSave();
            waitFor(() -> saver.saveCount() >= 2);
            assertEquals(2, SessionJson.read(store().file()).runs().get(0).epochs().size());
        }
    }

    @Test
    void requestingNeverWaitsForASlowSave() throws InterruptedException {
        LiveSession live = new LiveSession(withEpochs(3));
        CountDownLatch inSave = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (SessionAutosaver saver = new SessionAutosaver(store(), () -> {
            inSave.countDown();
            try {
                release.await(60, TimeUnit.SECONDS); // a disk that hangs until released
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return live.snapshot();
        }, Duration.ZERO)) {
            saver.requestSave();
            assertTrue(inSave.await(30, TimeUnit.SECONDS), "the first save started");
            // a request that waited for the hanging save would take the full 60 s
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                for (int i = 0; i < 50; i++) {
                    saver.requestSave();
                }
            }, "requests must not wait for a save in progress");
            assertEquals(1, release.getCount(), "the save was still hanging while the requests returned");
            release.countDown();
        }
    }

    @Test
    void markCleanSavesLastAndLaterRequestsAreIgnored() throws IOException {
        LiveSession live = new LiveSession(withEpochs(4));
        SessionStore store = store();
        SessionAutosaver saver = new SessionAutosaver(store, live::snapshot, Duration.ZERO);
        saver.markClean();
        assertFalse(store.hasRecoverable());
        assertEquals(4, SessionJson.read(store.file()).runs().get(0).epochs().size());
        live.replace(withEpochs(5));
        saver.requestSave();
        assertFalse(store.hasRecoverable(), "closed: no save removes the clean marker");
    }

    @Test
    void closeWithoutMarkingLeavesTheSessionToRecover() throws IOException {
        LiveSession live = new LiveSession(withEpochs(2));
        SessionStore store = store();
        new SessionAutosaver(store, live::snapshot).close();
        assertTrue(store.findRecoverable().isPresent());
    }

    @Test
    void discardDeletesTheAutosave() {
        LiveSession live = new LiveSession(withEpochs(2));
        SessionStore store = store();
        SessionAutosaver saver = new SessionAutosaver(store, live::snapshot, Duration.ZERO);
        saver.flush();
        assertTrue(Files.exists(store.file()));
        saver.discard();
        assertFalse(Files.exists(store.file()));
    }

    @Test
    void aFailingSaveIsReportedAndRetried() throws Exception {
        Path blocker = folder.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the autosave folder should be");
        SessionStore store = new SessionStore(blocker.resolve("session.json"));
        List<String> problems = new CopyOnWriteArrayList<>();
        try (SessionAutosaver saver = new SessionAutosaver(store, () -> withEpochs(1), Duration.ZERO)) {
            saver.setProblemListener(problems::add);
            saver.requestSave();
            waitFor(() -> !problems.isEmpty());
            assertTrue(problems.get(0).startsWith("autosave to " + store.file() + " failed"), problems.get(0));
            Files.delete(blocker);
            saver.requestSave();
            waitFor(() -> saver.saveCount() == 1);
        }
        assertTrue(Files.exists(store.file()));
    }

    /**
     * A full disk (the injected writer fails as the real one does then) while training goes on: the
     * problem is reported once, not after every epoch; requests still return at once; the file keeps the
     * last save that worked; once there is room again the next save holds every epoch.
     */
    @Test
    void aFullDiskIsReportedOnceAndTheLastGoodAutosaveStays() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean full = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger failedWrites = new java.util.concurrent.atomic.AtomicInteger();
        SessionStore store = new SessionStore(folder.resolve("session.json"), (file, session) -> {
            if (full.get()) {
                failedWrites.incrementAndGet();
                throw new IOException("No space left on device");
            }
            SessionJson.write(file, session);
        });
        java.util.concurrent.atomic.AtomicInteger epochs = new java.util.concurrent.atomic.AtomicInteger(1);
        List<String> problems = new CopyOnWriteArrayList<>();
        try (SessionAutosaver saver = new SessionAutosaver(store, () -> withEpochs(epochs.get()), Duration.ZERO)) {
            saver.setProblemListener(problems::add);
            saver.flush();
            byte[] good = Files.readAllBytes(store.file());

            full.set(true);
            for (int e = 2; e <= 5; e++) {
                epochs.set(e);
                long before = System.nanoTime();
                saver.requestSave(); // from the training thread: never waits, never throws
                // generous for a loaded machine: what matters is that the failure does not come back to the caller
                assertTrue(System.nanoTime() - before < 2_000_000_000L, "a request returns at once");
                int failed = e - 1;
                waitFor(() -> failedWrites.get() >= failed);
            }
            assertEquals(1, problems.size(), "said once: " + problems);
            assertTrue(problems.get(0).contains("No space left on device"), problems.get(0));
            org.junit.jupiter.api.Assertions.assertArrayEquals(good, Files.readAllBytes(store.file()),
                    "the last good autosave stays intact");
            assertEquals(1, SessionJson.read(store.file()).runs().get(0).epochs().size());

            full.set(false);
            saver.requestSave();
            waitFor(() -> saver.saveCount() == 2);
            assertEquals(5, SessionJson.read(store.file()).runs().get(0).epochs().size(), "every epoch once there is room");

            full.set(true);
            saver.requestSave();
            waitFor(() -> problems.size() == 2); // a new failure after a save that worked is news again
        }
    }

    @Test
    void slowSavesAreSpacedByTenTimesTheirOwnTimeAndTheLastStateIsStillSaved() throws Exception {
        // every save takes at least 40 ms, as a large session's does; requests come every 5 ms for a second
        java.util.concurrent.atomic.AtomicLong busy = new java.util.concurrent.atomic.AtomicLong();
        List<Long> starts = new CopyOnWriteArrayList<>();
        SessionStore store = new SessionStore(folder.resolve("session.json"), (file, session) -> {
            long start = System.nanoTime();
            starts.add(start);
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            SessionJson.write(file, session);
            busy.addAndGet(System.nanoTime() - start);
        });
        java.util.concurrent.atomic.AtomicInteger epochs = new java.util.concurrent.atomic.AtomicInteger();
        try (SessionAutosaver saver = new SessionAutosaver(store, () -> withEpochs(epochs.get()), Duration.ZERO)) {
            long begin = System.nanoTime();
            while (System.nanoTime() - begin < 1_000_000_000L) {
                epochs.incrementAndGet();
                saver.requestSave();
                Thread.sleep(5);
            }
            int last = epochs.get();
            waitFor(() -> {
                try {
                    return Files.exists(store.file()) && SessionJson.read(store.file()).runs().get(0).epochs().size() == last;
                } catch (IOException e) {
                    return false;
                }
            });
            for (int i = 1; i < starts.size(); i++) {
                // start to start at least ten times a save's 40 ms (9 times after its end), less a little timer slack
                assertTrue(starts.get(i) - starts.get(i - 1) >= 390_000_000L,
                        "save " + i + " came " + (starts.get(i) - starts.get(i - 1)) / 1_000_000 + " ms after the one before");
            }
            assertTrue(starts.size() <= 4, "about one save per 400 ms of a second's requests, not one per 5 ms: " + starts.size());
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
