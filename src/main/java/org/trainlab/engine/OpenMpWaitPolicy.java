package org.trainlab.engine;

import java.util.Locale;

import com.sun.jna.Platform;

/**
 * Makes libnd4j's OpenMP threads sleep, not spin, while they wait for work (docs/decisions/0009).
 *
 * <p>libgomp's threads spin for a while at the end of every parallel region before they sleep. A
 * training step runs dozens of small regions, so on a machine whose cores are busy with anything else
 * (a second run, the window, a browser, a shared lab machine) the spinning threads take the cores the
 * working ones need: on the 2-core test machine under a load of 10 to 16, an 8-epoch run took 148 and
 * 204 s with spinning threads and 28 and 22 s with sleeping ones. libgomp reads {@code OMP_WAIT_POLICY}
 * once, when it is loaded, so this sets it in the process's environment before ND4J loads. A value the
 * user set in the environment is kept; {@code -Dtrainlab.omp.wait=active} (or {@code passive}) overrides
 * both, and {@code default} leaves libgomp's own default (spin a while, then sleep), for measurements.
 */
public final class OpenMpWaitPolicy {

    public static final String PROPERTY = "trainlab.omp.wait";
    static final String VARIABLE = "OMP_WAIT_POLICY";

    private static boolean applied;

    private OpenMpWaitPolicy() {
    }

    /**
     * Sets the policy before the native library loads, once per process (later calls change nothing);
     * returns the policy the process's environment now names (null where it could not be read or set,
     * e.g. on Windows, where libnd4j's OpenMP is not libgomp).
     *
     * <p>The entry points call this first, while theirs is the only thread of the program: glibc's
     * {@code setenv} may move the environment while another thread's {@code getenv} reads it, and the
     * window's toolkit reads it on its own thread. Set later, from the thread loading the native
     * library, it crashed the window once (a SIGSEGV in {@code getenv} on the FX thread, five seconds
     * after start-up; decision 9).
     */
    public static synchronized String apply() {
        LibC libc = environment();
        if (libc == null || applied) {
            return libc == null ? null : current();
        }
        applied = true;
        String forced = System.getProperty(PROPERTY, "").trim().toUpperCase(Locale.ROOT);
        if (forced.equals("ACTIVE") || forced.equals("PASSIVE")) {
            libc.setenv(VARIABLE, forced, 1);
        } else if (!forced.equals("DEFAULT")) {
            libc.setenv(VARIABLE, "PASSIVE", 0);
        }
        return current();
    }

    /** What the process's environment says now (libc's view, which libgomp reads). */
    static String current() {
        LibC libc = environment();
        return libc == null ? null : libc.getenv(VARIABLE);
    }

    /** libc where libnd4j's OpenMP is libgomp, which reads the environment; null elsewhere (Windows). */
    private static LibC environment() {
        return Platform.isLinux() || Platform.isMac() ? LibC.get() : null;
    }
}
