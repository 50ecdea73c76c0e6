package org.trainlab.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Makes glibc give the memory of large native arrays back when they are freed (docs/performance.md,
 * "Native memory").
 *
 * <p>libnd4j allocates its arrays with {@code malloc}. glibc serves large requests with their own
 * memory mapping, returned to the system on {@code free}, but it raises that size threshold each time
 * such a mapping is freed (up to 32 MB), after which arrays of a few megabytes come from its heaps and
 * stay in the process when freed. With four runs training, the window's resident memory reached 1.35
 * to 1.9 GB, of which about 600 MB were glibc heaps, while the Java heap held under 300 MB. Fixing the
 * threshold at glibc's own starting value (128 KB) turns the adjustment off: the same harness peaked
 * at about 1.07 GB. {@code -Dtrainlab.malloc.mmapThreshold=0} leaves glibc's default; another value
 * sets that threshold in bytes.
 */
public final class NativeMemory {

    public static final String PROPERTY = "trainlab.malloc.mmapThreshold";
    static final int DEFAULT_THRESHOLD = 128 * 1024;
    private static final int M_MMAP_THRESHOLD = -3;

    private NativeMemory() {
    }

    /** glibc's tuning call. */
    public interface LibC extends Library {
        int mallopt(int param, int value);
    }

    /** Sets the threshold before the native arrays are made; returns whether glibc took it. */
    static boolean apply() {
        int threshold = Integer.getInteger(PROPERTY, DEFAULT_THRESHOLD);
        if (threshold <= 0 || !Platform.isLinux()) {
            return false;
        }
        try {
            LibC libc = (LibC) Native.loadLibrary("c", LibC.class);
            return libc.mallopt(M_MMAP_THRESHOLD, threshold) == 1;
        } catch (LinkageError | RuntimeException e) {
            return false; // not glibc (e.g. musl): its allocator decides
        }
    }
}
