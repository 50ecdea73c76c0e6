package org.trainlab.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** glibc's calls are mapped right: the threshold is taken when asked for, and the switches turn them off. */
class NativeMemoryTest {

    @Test
    void theThresholdIsLeftAloneUnlessAskedFor() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "glibc's mallopt");
        String before = System.getProperty(NativeMemory.THRESHOLD_PROPERTY);
        try {
            System.clearProperty(NativeMemory.THRESHOLD_PROPERTY);
            assertFalse(NativeMemory.apply(), "glibc's own threshold by default");
            System.setProperty(NativeMemory.THRESHOLD_PROPERTY, String.valueOf(128 * 1024));
            assertTrue(NativeMemory.apply(), "mallopt(M_MMAP_THRESHOLD, 128 KB) refused");
        } finally {
            restore(NativeMemory.THRESHOLD_PROPERTY, before);
        }
    }

    @Test
    void trimmingGivesFreedHeapPagesBackAndCanBeTurnedOff() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "glibc's malloc_trim");
        String before = System.getProperty(NativeMemory.TRIM_PROPERTY);
        try {
            System.clearProperty(NativeMemory.TRIM_PROPERTY);
            NativeMemory.trim(); // whatever the test JVM freed so far
            System.setProperty(NativeMemory.TRIM_PROPERTY, "false");
            assertFalse(NativeMemory.trim(), "turned off");
        } finally {
            restore(NativeMemory.TRIM_PROPERTY, before);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
