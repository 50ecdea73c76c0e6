package org.trainlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.TemporaryProperty;
import org.trainlab.data.AppDirs;
import org.trainlab.experiment.record.RunState;

class SessionStoreTest {

    @TempDir
    Path folder;

    private SessionStore store() {
        return new SessionStore(folder.resolve("autosave").resolve("session.json"));
    }

    private static Session withRunningRun() {
        Session s = SessionSamples.threeRuns();
        SessionRun running = SessionRun.queued("run-d", 3, s.runs().get(0).settings().withName("Running"))
                .withEpoch(SessionSamples.epoch(1, 10, 1)).withEpoch(SessionSamples.epoch(2, 20, 2))
                .withState(RunState.RUNNING, null);
        SessionRun paused = SessionRun.queued("run-e", 4, running.settings().withName("Paused"))
                .withEpoch(SessionSamples.epoch(1, 10, 1)).withState(RunState.PAUSED, null);
        return s.withRun(running).withRun(paused);
    }

    @Test
    void nothingToRecoverWithoutAFile() throws IOException {
        assertEquals(Optional.empty(), store().findRecoverable());
    }

    @Test
    void anUncleanSessionComesBackWithUnfinishedRunsStopped() throws IOException {
        SessionStore store = store();
        store.save(withRunningRun());
        Session restored = store.findRecoverable().orElseThrow();

        SessionRun running = restored.run("run-d").orElseThrow();
        assertEquals(RunState.STOPPED, running.state());
        assertEquals("interrupted: restored 2 finished epochs", running.message().english());
        assertEquals(2, running.epochs().size());
        assertEquals("interrupted: restored 1 finished epoch", restored.run("run-e").orElseThrow().message().english());
        assertEquals("interrupted: restored 0 finished epochs", restored.run("run-c").orElseThrow().message().english());
        assertEquals(RunState.COMPLETED, restored.run("run-a").orElseThrow().state(), "finished runs unchanged");
        assertEquals(RunState.DIVERGED, restored.run("run-b").orElseThrow().state());
        assertEquals(withRunningRun().selected(), restored.selected());
        assertEquals(restored, store.findRecoverable().orElseThrow(), "asking twice gives the same answer");
    }

    @Test
    void aCleanExitLeavesNothingToRecoverUntilTheNextSave() throws IOException {
        SessionStore store = store();
        store.save(withRunningRun());
        store.markClean();
        assertFalse(store.hasRecoverable());
        assertEquals(Optional.empty(), store.findRecoverable());
        assertTrue(Files.exists(store.file()), "the file is kept");

        store.save(withRunningRun());
        assertTrue(store.findRecoverable().isPresent(), "a new save makes it recoverable again");
    }

    @Test
    void discardDeletesTheSessionAndItsMarker() throws IOException {
        SessionStore store = store();
        store.save(withRunningRun());
        store.markClean();
        store.discard();
        try (var left = Files.list(store.file().getParent())) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void anUnreadableAutosaveIsMovedAsideWithAMessage() throws IOException {
        SessionStore store = store();
        store.save(withRunningRun());
        Files.writeString(store.file(), "{\"formatVersion\": \"trainlab-session/1\", \"runs\": [");
        SessionFormatException e = assertThrows(SessionFormatException.class, store::findRecoverable);
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("It was kept as "), e.getMessage());
        try (var left = Files.list(store.file().getParent())) {
            List<String> names = left.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).matches("session\\.damaged-\\d{8}-\\d{6}\\.json"), names.toString());
        }
        assertEquals(Optional.empty(), store.findRecoverable(), "not asked again");
    }

    @Test
    void staleTemporaryFilesOfACutShortWriteAreRemoved() throws IOException {
        SessionStore store = store();
        store.save(withRunningRun());
        Path stale = store.file().resolveSibling(".session.json.123.tmp");
        Path fresh = store.file().resolveSibling(".session.json.456.tmp");
        Files.writeString(stale, "{\"formatVer");
        Files.writeString(fresh, "{\"formatVer");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
        assertTrue(store.findRecoverable().isPresent());
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh), "a write that may still be going on in another process is left alone");
    }

    @Test
    void theAutosaveLivesInTheDataFolder() {
        try (TemporaryProperty data = TemporaryProperty.set(AppDirs.DATA_PROPERTY, folder.toString())) {
            assertEquals(folder.resolve("autosave").resolve("session.json").toAbsolutePath(),
                    SessionStore.autosave().file());
        }
    }
}
