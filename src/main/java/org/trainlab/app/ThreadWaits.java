package org.trainlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * What the window's two threads did during a long pause, from Linux's {@code schedstat} (nanoseconds on
 * a core and waiting in the run queue for one): the FX thread and JavaFX's renderer. Read at every pulse
 * while the harness lists its long gaps, so a gap says whether the window was working, waiting for a
 * core, or waiting for the renderer (which itself worked or waited). Empty where there is no /proc.
 *
 * <p>A watchdog thread looks at the FX thread every 4 ms while a pulse is over 30 ms late and counts its
 * state and system call from {@code /proc}: "fx {R:running=3, S:202=1}" is three looks running and one
 * asleep in {@code futex} (202 on x86-64: waiting for a lock; 7 is {@code poll}, waiting for the
 * toolkit's events). Its longest sleep says whether Java threads stood still meanwhile: a collection
 * stops the watchdog too, and so does a machine whose cores are lent elsewhere (stolen time, where
 * Linux sees it, is added). With {@code -Dharness.runnable=true} each look also counts the machine's
 * runnable threads by name and nice value: "runnable {trainlab-run-#/10=2, kdamond.#/0=1}".
 */
final class ThreadWaits implements AutoCloseable {

    private final Path fx;
    private final Path fxTask;
    private final Thread watchdog;
    private volatile long lastPulse = System.nanoTime();
    /** What the FX thread was doing while a pulse was overdue, counted: state and system call. */
    private final Map<String, Integer> overdue = new TreeMap<>();
    /**
     * {@code -Dharness.runnable=true}: each look also lists every thread of the machine on a core or
     * waiting for one (reading /proc for each, a few milliseconds of a core and some garbage a look).
     */
    private static final boolean EVERY_THREAD = Boolean.getBoolean("harness.runnable");
    /** Every runnable thread of the machine seen in those looks, counted by name and nice value. */
    private final Map<String, Integer> runnable = new TreeMap<>();
    private Path renderer;
    /** The machine's stolen time (a virtual machine's cores lent elsewhere), in ticks, at the last pulse. */
    private long stealLast = steal();
    /** The watchdog's longest sleep of 4 ms while a pulse was overdue, in nanoseconds. */
    private volatile long longestNap;
    private long[] fxLast;
    private long[] rendererLast;

    /** Made on the FX thread. */
    ThreadWaits() {
        Path self = null;
        try {
            self = Path.of("/proc/self/task").resolve(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName()).resolve("schedstat");
        } catch (IOException | UnsupportedOperationException e) {
            // no /proc: nothing to say
        }
        fx = self;
        fxTask = self == null ? null : self.getParent();
        if (fxTask != null) {
            watchdog = new Thread(this::watch, "harness-watch");
            watchdog.setDaemon(true);
            watchdog.start();
        } else {
            watchdog = null;
        }
    }

    /** Every 4 ms: while a pulse is more than 30 ms overdue, notes what the FX thread is doing. */
    private void watch() {
        while (true) {
            long before = System.nanoTime();
            try {
                Thread.sleep(4);
            } catch (InterruptedException e) {
                return;
            }
            long after = System.nanoTime();
            if (after - lastPulse < 30_000_000L) {
                continue;
            }
            longestNap = Math.max(longestNap, after - before);
            String key = look(fxTask.resolve("stat"), s -> s.substring(s.lastIndexOf(')') + 2, s.lastIndexOf(')') + 3))
                    + ":" + look(fxTask.resolve("syscall"), s -> s.strip().split(" ")[0]);
            Map<String, Integer> others = EVERY_THREAD ? runnableThreads() : Map.of();
            synchronized (overdue) {
                overdue.merge(key, 1, Integer::sum);
                others.forEach((name, n) -> runnable.merge(name, n, Integer::sum));
            }
        }
    }

    /** Stops the watchdog. */
    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.interrupt();
        }
    }

    /** Part of a file of /proc, or "?" where it cannot be read (the thread gone, a sandbox). */
    private static String look(Path file, UnaryOperator<String> part) {
        try {
            return part.apply(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /**
     * At a pulse: with {@code say}, what the two threads did since the last one, in milliseconds, e.g.
     * "fx ran 3.1 waited 0.4, renderer ran 20.2 waited 31.0"; without, only reads them.
     */
    String pulse(boolean say) {
        if (fx == null) {
            return "";
        }
        if (renderer == null) {
            renderer = find("QuantumRenderer");
        }
        long[] f = read(fx), r = renderer == null ? null : read(renderer);
        String said = !say || fxLast == null || f == null ? ""
                : String.format(Locale.ROOT, "fx ran %.1f waited %.1f", (f[0] - fxLast[0]) / 1e6, (f[1] - fxLast[1]) / 1e6)
                + (rendererLast == null || r == null ? "" : String.format(Locale.ROOT, ", renderer ran %.1f waited %.1f",
                        (r[0] - rendererLast[0]) / 1e6, (r[1] - rendererLast[1]) / 1e6));
        fxLast = f;
        rendererLast = r;
        lastPulse = System.nanoTime();
        long steal = steal();
        if (say) {
            said += (steal > stealLast ? String.format(Locale.ROOT, ", stolen %d ms", (steal - stealLast) * 10) : "")
                    + String.format(Locale.ROOT, ", watchdog's longest nap %.1f ms", longestNap / 1e6);
        }
        stealLast = steal;
        longestNap = 0;
        synchronized (overdue) {
            if (say && !overdue.isEmpty()) {
                said += " fx " + overdue + (runnable.isEmpty() ? "" : " runnable " + runnable);
            }
            overdue.clear();
            runnable.clear();
        }
        return said;
    }

    /** The machine's threads that are on a core or waiting for one, by name (digits as #) and nice value. */
    private static Map<String, Integer> runnableThreads() {
        Map<String, Integer> found = new TreeMap<>();
        String me = Thread.currentThread().getName();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (!process.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
                    for (Path task : (Iterable<Path>) tasks::iterator) {
                        String stat = Files.readString(task.resolve("stat"));
                        int close = stat.lastIndexOf(')');
                        String[] fields = stat.substring(close + 2).split(" ");
                        String name = stat.substring(stat.indexOf('(') + 1, close);
                        if (fields[0].equals("R") && !name.equals(me)) {
                            found.merge(name.replaceAll("\\d", "#") + "/" + fields[16], 1, Integer::sum);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    /** The first line of /proc/stat only: read at every pulse, on the FX thread. */
    private static long steal() {
        try (var lines = Files.newBufferedReader(Path.of("/proc/stat"))) {
            String[] f = lines.readLine().split(" +");
            return Long.parseLong(f[8]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Path find(String name) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().startsWith(name);
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().map(t -> t.resolve("schedstat")).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Time on a core and waiting for one, in nanoseconds; null if the thread has gone. */
    private static long[] read(Path schedstat) {
        try {
            String[] fields = Files.readString(schedstat).strip().split(" ");
            return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
