package org.trainlab.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * libgomp itself must see the wait policy: each case loads the native library in a child JVM with
 * {@code OMP_DISPLAY_ENV=VERBOSE}, which makes libgomp print the settings it read when it loaded.
 */
class OpenMpWaitPolicyTest {

    @Test
    void openMpThreadsSleepUnlessTheUserSaidOtherwise() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "libgomp is the Linux build's OpenMP");
        // libgomp prints PASSIVE for an unset policy too; what differs is how long its threads spin
        assertEquals("PASSIVE, spin 0", policyLibgompRead(null, null), "threads sleep at once");
        assertEquals("PASSIVE, spin 300000", policyLibgompRead(null, "default"), "libgomp's own default");
        assertEquals("ACTIVE", policyLibgompRead("ACTIVE", null).substring(0, 6), "the user's environment is kept");
        assertEquals("ACTIVE", policyLibgompRead(null, "active").substring(0, 6), "the property overrides");
    }

    @Test
    void theFirstCallSetsThePolicyAndLaterOnesLeaveTheEnvironmentAlone() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "libgomp is the Linux build's OpenMP");
        String first = OpenMpWaitPolicy.apply();
        assertTrue("PASSIVE".equals(first) || "ACTIVE".equals(first), "a policy is set: " + first);
        System.setProperty(OpenMpWaitPolicy.PROPERTY, first.equals("ACTIVE") ? "passive" : "active");
        try {
            assertEquals(first, OpenMpWaitPolicy.apply(), "set once, while the program had one thread; never again");
            assertEquals(first, OpenMpWaitPolicy.current());
        } finally {
            System.clearProperty(OpenMpWaitPolicy.PROPERTY);
        }
    }

    /** Loads libnd4j in a child JVM and returns the OMP_WAIT_POLICY and GOMP_SPINCOUNT libgomp printed. */
    private static String policyLibgompRead(String environment, String property) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        if (property != null) {
            command.add("-D" + OpenMpWaitPolicy.PROPERTY + "=" + property);
        }
        command.add(LoadNative.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OMP_DISPLAY_ENV", "VERBOSE");
        builder.environment().remove("GOMP_SPINCOUNT");
        builder.environment().remove(OpenMpWaitPolicy.VARIABLE);
        if (environment != null) {
            builder.environment().put(OpenMpWaitPolicy.VARIABLE, environment);
        }
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child did not end");
        assertEquals(0, child.exitValue(), output);
        return printed(output, "OMP_WAIT_POLICY") + ", spin " + printed(output, "GOMP_SPINCOUNT");
    }

    private static String printed(String output, String name) {
        return output.lines().filter(l -> l.trim().startsWith(name + " ")).findFirst()
                .map(l -> l.replaceAll(".*'(.*)'.*", "$1"))
                .orElseThrow(() -> new AssertionError("libgomp printed no " + name + ":\n" + output));
    }

    /** The child: loads the native library the way the program does, then ends. */
    public static final class LoadNative {
        public static void main(String[] args) {
            NativeRuntime.ensureLoaded();
        }
    }
}
