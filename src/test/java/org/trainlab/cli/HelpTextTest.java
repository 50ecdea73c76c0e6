package org.trainlab.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command's help formats cleanly: picocli warns on stderr when a text is not a valid format (a bare %). */
class HelpTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "train", "compare", "bench"})
    void helpFormatsWithoutWarnings(String command) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream(), warned = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(warned, true, StandardCharsets.UTF_8));
            code = command.isEmpty() ? TrainLabCommand.execute("--help") : TrainLabCommand.execute(command, "--help");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String help = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, code);
        assertTrue(help.startsWith("Usage: trainlab"), help);
        assertFalse(warned.toString(StandardCharsets.UTF_8).contains("WARN"), warned.toString(StandardCharsets.UTF_8));
    }
}
