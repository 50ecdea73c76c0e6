package org.trainlab.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the FX thread is when it stalls: a daemon samples its stack every 5 ms while no pulse has come
 * for 30 ms, and counts the samples per phase of the harness by their top frame and first frame of
 * TrainLab's or the chart library's code. When the FX thread is only waiting for the previous frame to
 * be rendered, the renderer's stack is sampled instead. Printed by the window harness after its
 * figures, so a long pause names the code that caused it. Off unless {@code -Dharness.stalls=true}:
 * taking another thread's stack stops the JVM at a safepoint (about 10 ms here), which would lengthen
 * the very pauses being measured.
 *
 * <p>{@code -Dharness.stallStacks=N} prints the N most frequent places (8), each with a sample stack of
 * {@code -Dharness.stallFrames} frames (12); {@code -Dharness.inclusive=true} also counts every
 * TrainLab method on the sampled stacks, which shows what a long build (the start-up) is made of.
 */
final class StallSampler {

    private static final long THRESHOLD_NANOS = 30_000_000L;
    private static final long PERIOD_MILLIS = 5;
    private static final int FRAMES = Integer.getInteger("harness.stallFrames", 12);
    private static final int STACKS = Integer.getInteger("harness.stallStacks", 8);
    private static final boolean INCLUSIVE = Boolean.getBoolean("harness.inclusive");

    /** JavaFX's and the JDK's own steps, counted with TrainLab's methods: what a pulse or a first call spends. */
    private static final Set<String> MARKERS = Set.of("javafx.scene.Scene.doCSSPass", "javafx.scene.Scene.doLayoutPass",
            "javafx.scene.Node.applyCss", "com.sun.javafx.tk.quantum.PaintCollector.renderAll",
            "com.sun.javafx.tk.quantum.PaintCollector.waitForRenderingToComplete", "java.lang.ClassLoader.loadClass",
            "java.lang.invoke.InvokerBytecodeGenerator.generateCustomizedCode",
            "java.lang.invoke.InnerClassLambdaMetafactory.buildCallSite", "javafx.scene.control.Control.createDefaultSkin");
    private volatile long lastPulse = System.nanoTime();
    private volatile String phase = "start-up";
    /** Guarded by itself, as are the two maps below. */
    private final Map<String, Integer> samples = new HashMap<>();
    private final Map<String, String> examples = new HashMap<>();
    private final Map<String, Integer> inclusive = new HashMap<>();
    private int total;
    private Thread renderer;

    void start(Thread fxThread) {
        Thread sampler = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                if (System.nanoTime() - lastPulse > THRESHOLD_NANOS) {
                    sample(fxThread);
                }
            }
        }, "stall-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Names what the window is doing now; samples are counted per phase. */
    void phase(String name) {
        phase = name;
    }

    void pulse() {
        lastPulse = System.nanoTime();
    }

    private void sample(Thread fxThread) {
        String at = phase;
        StackTraceElement[] trace = fxThread.getStackTrace();
        String prefix = at + ": ";
        Thread quantumRenderer = waitingForRenderer(trace) ? renderer() : null;
        if (quantumRenderer != null) {
            trace = quantumRenderer.getStackTrace();
            prefix = at + ": renderer: ";
        }
        String key = prefix + key(trace);
        StackTraceElement[] stack = trace;
        synchronized (samples) {
            samples.merge(key, 1, Integer::sum);
            examples.computeIfAbsent(key, k -> Arrays.stream(stack).limit(FRAMES)
                    .map(f -> "      " + f).collect(Collectors.joining("\n")));
            total++;
            if (INCLUSIVE) {
                Set<String> seen = new HashSet<>();
                for (StackTraceElement f : stack) {
                    String method = f.getClassName() + "." + f.getMethodName();
                    if ((f.getClassName().startsWith("org.trainlab") || MARKERS.contains(method)) && seen.add(method)) {
                        inclusive.merge(at + ": " + method, 1, Integer::sum);
                    }
                }
            }
        }
    }

    private Thread renderer() {
        if (renderer == null) {
            renderer = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
        }
        return renderer;
    }

    private static boolean waitingForRenderer(StackTraceElement[] trace) {
        for (int i = 0; i < Math.min(trace.length, 8); i++) {
            if (trace[i].getMethodName().equals("waitForRenderingToComplete")) {
                return true;
            }
        }
        return false;
    }

    /** The top frame and the first frame of the application's or the chart library's code. */
    private static String key(StackTraceElement[] trace) {
        if (trace.length == 0) {
            return "(no stack)";
        }
        String top = trace[0].getClassName() + "." + trace[0].getMethodName();
        for (StackTraceElement frame : trace) {
            if (frame.getClassName().startsWith("org.trainlab") || frame.getClassName().startsWith("org.jfree")) {
                return top + " <- " + frame.getClassName() + "." + frame.getMethodName();
            }
        }
        return top;
    }

    void report(PrintStream out) {
        synchronized (samples) {
            out.println("stall_samples " + total + " (FX thread stacks while no pulse came for 30 ms, 5 ms apart)");
            // the longest stacks of each phase, so the start-up's many samples do not hide the click's
            samples.keySet().stream().map(k -> k.substring(0, k.indexOf(": "))).distinct().forEach(p ->
                    top(samples, STACKS, p).forEach(e -> out.println("  " + e.getValue() + " samples: " + e.getKey() + "\n"
                            + examples.get(e.getKey()))));
            inclusive.keySet().stream().map(k -> k.substring(0, k.indexOf(": "))).distinct().forEach(p ->
                    top(inclusive, 40, p).forEach(e -> out.println("  " + e.getValue() + " samples within " + e.getKey())));
        }
    }

    private static Stream<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n);
    }

    private static Stream<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int n, String phase) {
        return top(counts, Integer.MAX_VALUE).filter(e -> e.getKey().startsWith(phase + ": ")).limit(n);
    }
}
