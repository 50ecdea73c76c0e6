package org.trainlab.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** glibc takes the fixed threshold (the call is mapped right), and 0 leaves its default. */
class NativeMemoryTest {

    @Test
    void glibcTakesTheFixedThresholdUnlessToldNotTo() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "glibc's mallopt");
        String before = System.getProperty(NativeMemory.PROPERTY);
        try {
            System.clearProperty(NativeMemory.PROPERTY);
            assertTrue(NativeMemory.apply(), "mallopt(M_MMAP_THRESHOLD, 128 KB) refused");
            System.setProperty(NativeMemory.PROPERTY, "0");
            assertFalse(NativeMemory.apply(), "0 must leave glibc's default alone");
        } finally {
            if (before == null) {
                System.clearProperty(NativeMemory.PROPERTY);
            } else {
                System.setProperty(NativeMemory.PROPERTY, before);
            }
        }
    }
}
