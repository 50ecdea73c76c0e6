package org.trainlab.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;

import java.util.List;

/**
 * The C library's calls the engine makes, through JNA (already on ND4J's class path): thread priority
 * ({@link BackgroundPriority}), the environment libgomp reads ({@link OpenMpWaitPolicy}) and glibc's
 * allocator and its totals ({@link NativeMemory}). JNA binds each function at its first call, so a C
 * library that lacks one (glibc's {@code mallopt} on musl or macOS) fails only there, with an
 * {@link UnsatisfiedLinkError}.
 */
interface LibC extends Library {

    int setpriority(int which, int who, int prio);

    int setenv(String name, String value, int overwrite);

    String getenv(String name);

    int mallopt(int param, int value);

    int malloc_trim(long pad);

    /** glibc 2.33 and later: the allocator's totals over all its heaps. */
    MallInfo2.ByValue mallinfo2();

    /** glibc's {@code struct mallinfo2}, every field a {@code size_t}. */
    class MallInfo2 extends Structure {
        public long arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;

        @Override
        protected List<String> getFieldOrder() {
            return List.of("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost");
        }

        /** Returned by value. */
        public static class ByValue extends MallInfo2 implements Structure.ByValue {
        }
    }

    /** The process's C library, or null where JNA cannot load it. */
    static LibC get() {
        return Loaded.LIBC;
    }

    /** Loaded once, on first use. */
    final class Loaded {
        private static final LibC LIBC = load();

        private Loaded() {
        }

        private static LibC load() {
            try {
                return (LibC) Native.loadLibrary("c", LibC.class);
            } catch (LinkageError | RuntimeException e) {
                return null;
            }
        }
    }
}
