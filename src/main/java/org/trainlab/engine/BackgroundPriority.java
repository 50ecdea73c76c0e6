package org.trainlab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.jna.Platform;

/**
 * Lowers the operating system's scheduling priority of the calling thread, so that a window sharing
 * the cores with training gets them first (docs/decisions/0007-background-priority.md).
 *
 * <p>Java thread priorities are honoured on Windows and macOS but ignored by HotSpot on Linux unless
 * the JVM starts with {@code -XX:ThreadPriorityPolicy=1}; there the thread's nice value is raised with
 * {@code setpriority(2)}, which on Linux applies to the calling thread alone. Threads it starts later
 * (OpenMP workers) inherit the value. Raising one's own nice value needs no privilege.
 */
public final class BackgroundPriority {

    /**
     * How much nicer than the program a training thread runs: it still gets every idle core, and the
     * window gets the cores first.
     */
    public static final int NICE = 10;
    private static final int LOWEST = 19;

    private static final int PRIO_PROCESS = 0;

    private BackgroundPriority() {
    }

    /**
     * Makes the calling thread a background thread. Returns whether the operating system's priority
     * was lowered; false where it could not be (the thread then trains at the usual priority).
     */
    public static boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (!Platform.isLinux()) {
            return Platform.isWindows() || Platform.isMac();
        }
        LibC libc = LibC.get();
        int now = currentNice();
        int target = now == Integer.MIN_VALUE ? NICE : Math.min(LOWEST, now + NICE);
        return libc != null && libc.setpriority(PRIO_PROCESS, 0, target) == 0;
    }

    /** {@code body}, made to run on a background thread: for a new thread's or a pool thread's body. */
    public static Runnable lowered(Runnable body) {
        return () -> {
            lowerCurrentThread();
            body.run();
        };
    }

    /**
     * Gives the JVM's JIT compiler threads the training threads' priority (Linux). Compiling is work
     * that can wait a few milliseconds; at normal priority a compiler thread takes a core from the
     * window whenever new code runs: at start-up, on the first click and as runs start. Returns how
     * many threads were lowered. Compiler threads the JVM starts later keep the normal priority.
     */
    public static int lowerCompilerThreads() {
        LibC libc = LibC.get();
        if (!Platform.isLinux() || libc == null) {
            return 0;
        }
        int lowered = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name = Files.readString(task.resolve("comm")).strip();
                if (name.matches("C[12] CompilerThre.*")) {
                    int tid = Integer.parseInt(task.getFileName().toString());
                    int target = Math.min(LOWEST, nice(task.resolve("stat")) + NICE);
                    lowered += libc.setpriority(PRIO_PROCESS, tid, target) == 0 ? 1 : 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return lowered;
        }
        return lowered;
    }

    /**
     * The calling thread's nice value as Linux reports it in {@code /proc/thread-self/stat}, or
     * {@link Integer#MIN_VALUE} elsewhere. For tests and diagnostics.
     */
    public static int currentNice() {
        try {
            return nice(Path.of("/proc/thread-self/stat"));
        } catch (IOException | RuntimeException e) {
            return Integer.MIN_VALUE;
        }
    }

    /** The nice value in a thread's {@code stat} file. */
    static int nice(Path stat) throws IOException {
        String line = Files.readString(stat);
        // the name in parentheses may hold spaces; the fields after it are separated by spaces
        String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        return Integer.parseInt(fields[16]);
    }
}
