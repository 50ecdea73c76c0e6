package org.trainlab.preset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.fuzz.Fuzz;
import org.trainlab.fuzz.Mutations;

/**
 * Damaged and hostile presets in the user's preset folder, made from the shipped ones: each file ends in
 * a correct preset or a {@link PresetFormatException} naming the file, the file stays as it was, and
 * loading the whole folder never fails: a bad file is listed as a problem, the others load.
 */
class PresetFuzzTest {

    private static final String[] SHIPPED = {"overfitting", "initialization", "schedulers", "optimizers", "normalization"};

    @TempDir
    Path temp;

    private static String shipped(String name) {
        try (InputStream in = PresetLoader.class.getResourceAsStream(PresetLoader.BUNDLED_FOLDER + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String[] VALID = java.util.Arrays.stream(SHIPPED).map(PresetFuzzTest::shipped).toArray(String[]::new);

    private static byte[] input(SplittableRandom r) {
        String valid = VALID[r.nextInt(VALID.length)];
        return r.nextInt(10) == 0
                ? Mutations.bytes(valid.getBytes(StandardCharsets.UTF_8), r, 0)
                : Mutations.json(valid, r).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void presetFiles() {
        Fuzz.of("user presets", PresetFuzzTest::input, bytes -> {
            Path file = Files.write(temp.resolve("mine.json"), bytes);
            try {
                PresetLoader.read(file);
            } finally {
                assertArrayEquals(bytes, Files.readAllBytes(file), "the file is left as it was");
            }
        }, PresetFormatException.class).runAndCheck();
    }

    @Test
    void aFolderWithDamagedPresetsStillLoadsTheRest() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("presets"));
        SplittableRandom r = new SplittableRandom(Fuzz.SEED);
        for (int i = 0; i < 20; i++) {
            Files.write(folder.resolve("damaged-" + i + ".json"), input(r));
        }
        Files.writeString(folder.resolve("good.json"), VALID[0], StandardCharsets.UTF_8);
        PresetLoader.Result result = PresetLoader.load(folder);
        assertTrue(result.presets().stream().anyMatch(p -> p.id().equals("good")), "the good file loads");
        assertEquals(SHIPPED.length + 1 + 20 - result.problems().size(), result.presets().size(),
                "every file is a preset or a problem: " + result.problems());
    }
}
