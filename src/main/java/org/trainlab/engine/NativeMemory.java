package org.trainlab.engine;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.jna.Platform;

/**
 * Gives the memory libnd4j freed back to the system at each epoch's end (docs/performance.md,
 * "Native memory").
 *
 * <p>libnd4j allocates its arrays with {@code malloc}. glibc keeps what is freed in its heaps for
 * the next request, and raises its threshold for giving large blocks their own mapping each time
 * such a block is freed, so after a while arrays of several megabytes live in the heaps too. With
 * four runs training, the window's resident memory reached 1.35 to 1.9 GB, about 600 MB of it glibc
 * heaps, while the Java heap held under 300 MB. Fixing the threshold instead (every large array its
 * own mapping) brought the peak to about 1.07 GB but made training 13 to 37% slower: libnd4j makes
 * and frees buffers of several megabytes in every step, and each new mapping is paid in page faults.
 * So the heaps keep their speed, and {@code malloc_trim(0)} returns their free pages at an epoch's
 * end, at most every ten seconds. What fragmented the heaps most was the layers' arrays being made
 * again at each change of batch size; since they are made once per run ({@code nn.Buffers}), glibc's
 * heaps stay near 500 MB through 25 runs instead of growing to gigabytes ({@link #heaps()} reads them).
 * {@code -Dtrainlab.malloc.trim=false} leaves glibc alone;
 * {@code -Dtrainlab.malloc.mmapThreshold=BYTES} fixes the threshold, for measuring.
 */
public final class NativeMemory {

    public static final String TRIM_PROPERTY = "trainlab.malloc.trim";
    public static final String THRESHOLD_PROPERTY = "trainlab.malloc.mmapThreshold";
    public static final String ARENAS_PROPERTY = "trainlab.malloc.arenas";
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int M_ARENA_MAX = -8;
    /** Trimming's least interval across the process. */
    static final long TRIM_INTERVAL_NANOS = 10_000_000_000L;
    private static final AtomicLong lastTrim = new AtomicLong();

    private NativeMemory() {
    }

    /** glibc, or null where the C library is another (musl, macOS, Windows): its allocator then decides. */
    private static LibC glibc() {
        return Glibc.PRESENT ? LibC.get() : null;
    }

    private static final class Glibc {
        static final boolean PRESENT = probe();

        private static boolean probe() {
            LibC libc = Platform.isLinux() ? LibC.get() : null;
            if (libc == null) {
                return false;
            }
            try {
                libc.malloc_trim(0); // harmless, and binds now: a C library without it is not glibc
                return true;
            } catch (LinkageError e) {
                return false;
            }
        }
    }

    /**
     * Before the native arrays are made: fixes glibc's mapping threshold and its number of heaps
     * ({@code -Dtrainlab.malloc.arenas=N}) if asked, for measuring; returns whether it fixed the threshold.
     */
    static boolean apply() {
        int threshold = Integer.getInteger(THRESHOLD_PROPERTY, 0);
        int arenas = Integer.getInteger(ARENAS_PROPERTY, 0);
        LibC libc = glibc();
        if (arenas > 0 && libc != null) {
            libc.mallopt(M_ARENA_MAX, arenas);
        }
        return threshold > 0 && libc != null && libc.mallopt(M_MMAP_THRESHOLD, threshold) == 1;
    }

    /**
     * glibc's heaps: the bytes they span ({@code mallinfo2}'s {@code arena}, without the blocks mapped on
     * their own), of which in use and free.
     */
    public record Heaps(long bytes, long inUse, long free) {
    }

    /** glibc's heaps now, or empty under another C library or a glibc before 2.33; for measuring. */
    public static Optional<Heaps> heaps() {
        LibC libc = glibc();
        if (libc == null) {
            return Optional.empty();
        }
        try {
            LibC.MallInfo2 info = libc.mallinfo2();
            return Optional.of(new Heaps(info.arena, info.uordblks, info.fordblks));
        } catch (LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * At an epoch's end: returns glibc's free heap pages to the system, at most once every
     * {@link #TRIM_INTERVAL_NANOS} in the whole process; true if it gave any back. Trimming after every
     * epoch of two small runs (an epoch a second) made the overfitting preset 26% slower in the window:
     * the pages given back were faulted in again by the next epoch.
     */
    static boolean trim() {
        LibC libc = glibc();
        if (libc == null || !Boolean.parseBoolean(System.getProperty(TRIM_PROPERTY, "true"))) {
            return false;
        }
        long now = System.nanoTime(), last = lastTrim.get();
        if (last != 0 && now - last < TRIM_INTERVAL_NANOS || !lastTrim.compareAndSet(last, now)) {
            return false;
        }
        return libc.malloc_trim(0) == 1;
    }
}
