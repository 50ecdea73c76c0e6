package org.trainlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.trainlab.engine.NativeMemory;

/**
 * The window harness's memory figures, sampled every quarter second on a daemon thread of their own:
 * resident memory (VmRSS) and glibc's heaps. Reading glibc's heaps walks every one of them under its
 * lock, 5 to 45 ms when a trim holds that lock; on the FX thread that lengthened the very pauses the
 * harness measures.
 */
final class MemorySampler {

    private static final long PERIOD_MILLIS = 250;
    private long rssPeak;
    /** glibc's heaps at the largest they were seen; null before the first sample or without glibc. */
    private NativeMemory.Heaps heapsPeak;

    void start() {
        Thread sampler = new Thread(() -> {
            while (true) {
                sample();
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "harness-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Takes one sample; the report takes a last one. */
    void sample() {
        long rss = status("VmRSS:");
        NativeMemory.Heaps heaps = NativeMemory.heaps().orElse(null);
        synchronized (this) {
            rssPeak = Math.max(rssPeak, rss);
            if (heaps != null && (heapsPeak == null || heaps.bytes() > heapsPeak.bytes())) {
                heapsPeak = heaps;
            }
        }
    }

    /** The highest resident memory seen, or the kernel's high-water mark (VmHWM) if higher, in bytes. */
    synchronized long rssPeak() {
        return Math.max(rssPeak, status("VmHWM:"));
    }

    synchronized NativeMemory.Heaps heapsPeak() {
        return heapsPeak;
    }

    /** A memory figure from /proc/self/status, in bytes; 0 where there is no such file. */
    static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
