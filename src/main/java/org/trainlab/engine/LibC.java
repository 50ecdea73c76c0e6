package org.trainlab.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The C library's calls the engine makes, through JNA (already on ND4J's class path): thread priority
 * ({@link BackgroundPriority}), the environment libgomp reads ({@link OpenMpWaitPolicy}) and glibc's
 * allocator ({@link NativeMemory}). JNA binds each function at its first call, so a C library that
 * lacks one (glibc's {@code mallopt} on musl or macOS) fails only there, with an {@link UnsatisfiedLinkError}.
 */
interface LibC extends Library {

    int setpriority(int which, int who, int prio);

    int setenv(String name, String value, int overwrite);

    String getenv(String name);

    int mallopt(int param, int value);

    int malloc_trim(long pad);

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
