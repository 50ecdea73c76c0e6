package org.trainlab.engine;

import com.sun.jna.Native;
import org.junit.jupiter.api.Test;
import org.trainlab.TemporaryProperty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * glibc's calls are mapped right: the threshold is taken when asked for, the switches turn them off, and
 * the heaps' figures add up.
 */
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
    void theHeapsFiguresAddUpAndSeeWhatIsAllocated() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "glibc's mallinfo2");
        NativeMemory.Heaps before = NativeMemory.heaps().orElseThrow();
        assertEquals(before.bytes(), before.inUse() + before.free(), "the heaps are what is in use and what is free");
        long[] blocks = new long[400];
        try {
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = Native.malloc(64 * 1024); // under glibc's mapping threshold: from its heaps
            }
            NativeMemory.Heaps during = NativeMemory.heaps().orElseThrow();
            long grown = during.inUse() - before.inUse();
            assertTrue(grown > 20 << 20, "25.6 MB allocated, in use grew by " + grown);
        } finally {
            for (long block : blocks) {
                Native.free(block);
            }
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
