package org.trainlab.engine;

import org.junit.jupiter.api.Test;
import org.trainlab.TemporaryProperty;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** glibc's calls are mapped right: the threshold is taken when asked for, and the switches turn them off. */
class NativeMemoryTest {

    @Test
    void theThresholdIsLeftAloneUnlessAskedFor() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "glibc's mallopt");
        try (TemporaryProperty threshold = TemporaryProperty.keep(NativeMemory.THRESHOLD_PROPERTY)) {
            System.clearProperty(NativeMemory.THRESHOLD_PROPERTY);
            assertFalse(NativeMemory.apply(), "glibc's own threshold by default");
            // 32 MB, the most glibc's own adjustment reaches: the tests after this one keep their speed
            System.setProperty(NativeMemory.THRESHOLD_PROPERTY, String.valueOf(32 << 20));
            assertTrue(NativeMemory.apply(), "mallopt(M_MMAP_THRESHOLD, 32 MB) refused");
        }
    }

    @Test
    void trimmingCanBeTurnedOff() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "glibc's malloc_trim");
        try (TemporaryProperty trim = TemporaryProperty.set(NativeMemory.TRIM_PROPERTY, "false")) {
            assertFalse(NativeMemory.trim(), "turned off");
        }
    }
}
