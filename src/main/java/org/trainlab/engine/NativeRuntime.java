package org.trainlab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.lang.management.ManagementFactory;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Chooses and loads ND4J's native library before anything touches ND4J.
 *
 * <p>The build ships two libnd4j variants of the build machine's OS: the generic one and one built
 * with oneDNN for AVX2 CPUs. JavaCPP picks the one named by the system property
 * {@code org.bytedeco.javacpp.platform.extension}; loading the AVX2 build on a CPU without AVX2
 * would die with an illegal instruction rather than an exception, so the CPU is checked first.
 * See docs/decisions/0002-native-fast-path.md.
 */
public final class NativeRuntime {

    public static final String FAST_EXTENSION = "-onednn-avx2";
    /** Set to "generic" to force the generic library, "fast" to force the oneDNN/AVX2 one. */
    public static final String VARIANT_PROPERTY = "trainlab.nd4j.variant";

    private static volatile Info info;
    private static volatile int threadLimit;

    private NativeRuntime() {
    }

    /** What was chosen and why; loads ND4J on first call (a second or two), so call it off the FX thread. */
    public static synchronized Info ensureLoaded() {
        if (info != null) {
            return info;
        }
        // loading runs native initializers: an exit must not run the libraries' destructors meanwhile
        try (NativeGate.Pass pass = NativeGate.process().enter()) {
            return load();
        }
    }

    private static Info load() {
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            System.setProperty("org.bytedeco.javacpp.cachedir", javacppCacheDir().toString());
        }
        // Bound what JavaCPP may allocate off-heap, so concurrent runs fail one at a time with an
        // out-of-memory message instead of exhausting the machine. The physical-memory check is
        // left off: it counts the whole process (fonts, JavaFX textures) and stalls in System.gc().
        if (System.getProperty("org.bytedeco.javacpp.maxbytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxbytes", String.valueOf(nativeBudgetBytes()));
        }
        if (System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxphysicalbytes", "0");
        }
        // (these must be set before the first JavaCPP class loads: it reads them once)
        OpenMpWaitPolicy.apply(); // likewise before libgomp loads with libnd4j
        NativeMemory.apply(); // before libnd4j makes its first arrays
        boolean avx2 = cpuHasAvx2();
        boolean fastShipped = fastLibraryShipped();
        String forced = System.getProperty(VARIANT_PROPERTY, "").toLowerCase(Locale.ROOT);
        boolean fast = switch (forced) {
            case "generic" -> false;
            case "fast" -> true;
            default -> avx2 && fastShipped;
        };
        if (fast && System.getProperty("org.bytedeco.javacpp.platform.extension") == null) {
            System.setProperty("org.bytedeco.javacpp.platform.extension", FAST_EXTENSION);
        }
        long started = System.nanoTime();
        var env = Nd4j.getExecutioner().getEnvironmentInformation();
        Nd4j.setDefaultDataTypes(DataType.FLOAT,
                DataType.FLOAT);
        boolean onednn = onednnAvailable();
        String reason = switch (forced) {
            case "generic", "fast" -> "forced by -D" + VARIANT_PROPERTY + "=" + forced;
            default -> !fastShipped ? "no oneDNN build of libnd4j for this platform"
                    : !avx2 ? "this CPU lacks AVX2" : "CPU has AVX2";
        };
        int threads = ((Number) env.getOrDefault("omp.threads", 0)).intValue();
        if (threadLimit > 0) {
            threads = Math.min(threads, threadLimit); // what training threads will use
        }
        info = new Info(fast, onednn, avx2, reason, String.valueOf(env.get("blas.vendor")), threads,
                (System.nanoTime() - started) / 1_000_000);
        return info;
    }

    /**
     * Caps the threads native ops use. A window needs a core for itself: when the OpenMP team is as
     * large as the machine, every parallel region waits for the member the UI thread displaced, and
     * training runs several times slower (measured on 2 cores with the window drawing: about 100
     * images/s with both cores, about 1,000 with one left to the window).
     */
    public static void limitThreads(int threads) {
        threadLimit = Math.max(1, threads);
    }

    /**
     * Applies {@link #limitThreads}'s cap, if any, on the calling thread: OpenMP keeps its team size
     * per thread, so each training thread sets it for itself before its first op.
     */
    static void applyThreadLimit() {
        int n = threadLimit;
        if (n > 0) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
            Nd4j.getEnvironment().setMaxThreads(n);
            Nd4j.getEnvironment().setMaxMasterThreads(n);
        }
    }

    private static boolean onednnAvailable() {
        try {
            return Nd4jCpu.Environment.getInstance().isUseONEDNN();
        } catch (Throwable t) {
            return false;
        }
    }

    static boolean fastLibraryShipped() {
        String platform = Loader.getPlatform();
        String lib = System.mapLibraryName("nd4jcpu");
        String resource = "org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + FAST_EXTENSION + "/" + lib;
        return NativeRuntime.class.getClassLoader().getResource(resource) != null;
    }

    /** AVX2 support, read where the OS exposes it without native code. */
    static boolean cpuHasAvx2() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!(arch.equals("amd64") || arch.equals("x86_64"))) {
            return false;
        }
        try {
            if (os.contains("linux")) {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    if (line.startsWith("flags")) {
                        return (" " + line + " ").contains(" avx2 ");
                    }
                }
                return false;
            }
            if (os.contains("mac")) {
                Process p = new ProcessBuilder("sysctl", "-n", "machdep.cpu.leaf7_features").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                return out.toUpperCase(Locale.ROOT).contains("AVX2");
            }
        } catch (IOException e) {
            return false;
        }
        // Windows offers no flag list without native code; every x86-64 CPU sold since 2015 has AVX2,
        // and -Dtrainlab.nd4j.variant=generic is the way out for older ones.
        return os.contains("windows");
    }

    /** A quarter of the machine's memory, between 1 and 4 GiB. */
    static long nativeBudgetBytes() {
        long total = 8L << 30;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            total = os.getTotalMemorySize();
        }
        return Math.max(1L << 30, Math.min(4L << 30, total / 4));
    }

    static Path javacppCacheDir() {
        String override = System.getProperty("trainlab.cache.dir");
        Path base;
        if (override != null) {
            base = Path.of(override);
        } else {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String home = System.getProperty("user.home");
            if (os.contains("windows")) {
                String local = System.getenv("LOCALAPPDATA");
                base = Path.of(local != null ? local : home, "TrainLab", "cache");
            } else if (os.contains("mac")) {
                base = Path.of(home, "Library", "Caches", "TrainLab");
            } else {
                String xdg = System.getenv("XDG_CACHE_HOME");
                base = xdg != null && !xdg.isBlank() ? Path.of(xdg, "trainlab") : Path.of(home, ".cache", "trainlab");
            }
        }
        return base.resolve("javacpp");
    }

    /**
     * @param fastLibrary whether the oneDNN/AVX2 build of libnd4j was loaded
     * @param onednn      whether libnd4j reports oneDNN in use
     * @param avx2        whether the CPU has AVX2
     * @param reason      why this library was chosen
     * @param blasVendor  the BLAS libnd4j uses for matrix products
     * @param threads     OpenMP threads
     * @param loadMillis  time to load the native library
     */
    public record Info(boolean fastLibrary, boolean onednn, boolean avx2, String reason, String blasVendor,
                       int threads, long loadMillis) {
        public String summary() {
            return (onednn ? "oneDNN" : "generic") + " libnd4j (" + reason + "), " + blasVendor + ", " + threads + " threads";
        }

        /** Why this library, as a word a window can translate: "avx2", "noAvx2", "noBuild" or "forced". */
        public String reasonCode() {
            if (reason.startsWith("forced")) {
                return "forced";
            }
            return reason.startsWith("no oneDNN") ? "noBuild" : avx2 ? "avx2" : "noAvx2";
        }
    }
}
