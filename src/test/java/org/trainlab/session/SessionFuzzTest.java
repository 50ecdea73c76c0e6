package org.trainlab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.fuzz.Fuzz;
import org.trainlab.fuzz.Mutations;

/**
 * Damaged and hostile session files (File › Open) and autosaves (restored at the next start): every
 * one ends in a correct load or a {@link SessionFormatException}, never another exception, a hang or an
 * out-of-memory error. An opened file stays as it was; a damaged autosave is moved aside whole (its
 * bytes kept under the name the message gives), never changed or deleted.
 */
class SessionFuzzTest {

    private static final String VALID = SessionJson.write(SessionSamples.threeRuns());

    @TempDir
    Path temp;

    private static byte[] input(SplittableRandom r) {
        return r.nextInt(10) == 0
                ? Mutations.bytes(VALID.getBytes(StandardCharsets.UTF_8), r, 0)
                : Mutations.json(VALID, r).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sessionFiles() {
        Fuzz.of("session files", SessionFuzzTest::input, bytes -> {
            Path file = Files.write(temp.resolve("fuzz.trainlab.json"), bytes);
            try {
                SessionJson.read(file);
            } finally {
                assertArrayEquals(bytes, Files.readAllBytes(file), "the file is left as it was");
            }
        }, SessionFormatException.class).runAndCheck();
    }

    @Test
    void autosaves() {
        Fuzz.of("autosaves", SessionFuzzTest::input, this::restore, SessionFormatException.class).runAndCheck();
    }

    /** The next start's view of a damaged autosave: restored, or moved aside with every byte. */
    private void restore(byte[] bytes) throws IOException {
        Path folder = Files.createTempDirectory(temp, "autosave");
        Path file = Files.write(folder.resolve("session.json"), bytes);
        SessionStore store = new SessionStore(file);
        try {
            Optional<Session> restored = store.findRecoverable();
            assertTrue(restored.isPresent(), "an unmarked autosave is offered");
            assertArrayEquals(bytes, Files.readAllBytes(file), "a restorable autosave is left as it was");
            restored.get().runs().forEach(run -> assertTrue(run.state().isFinal(), "restored runs are not running"));
        } catch (SessionFormatException e) {
            assertFalse(Files.exists(file), "a damaged autosave is moved aside, so the next start is not asked again");
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> aside = files.filter(p -> p.getFileName().toString().startsWith("session.damaged-")).toList();
                assertEquals(1, aside.size(), "kept once: " + aside);
                assertTrue(e.getMessage().contains(aside.get(0).toString()), "the message says where: " + e.getMessage());
                assertArrayEquals(bytes, Files.readAllBytes(aside.get(0)), "every byte kept");
            }
            throw e;
        }
    }
}
