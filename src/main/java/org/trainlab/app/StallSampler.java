package org.trainlab.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the FX thread is when it stalls: a daemon samples its stack every few milliseconds while no
 * pulse has come for longer than a threshold, and counts the samples by their top frames. Printed by
 * the window harness after its figures, so a long pause names the code that caused it.
 */
final class StallSampler {

    private static final long THRESHOLD_NANOS = 30_000_000L;
    private static final int FRAMES = Integer.getInteger("harness.stallFrames", 12);

    private volatile long lastPulse = System.nanoTime();
    private volatile String phase = "start-up";
    private final Map<String, Integer> samples = new HashMap<>();
    private final Map<String, String> examples = new HashMap<>();
    private int total;

    void start(Thread fxThread) {
        Thread sampler = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
                if (System.nanoTime() - lastPulse > THRESHOLD_NANOS) {
                    StackTraceElement[] trace = fxThread.getStackTrace();
                    String prefix = phase + ": ";
                    if (waitingForRenderer(trace)) {
                        // the FX thread waits for the previous frame: what the renderer is doing is the cause
                        Thread renderer = renderer();
                        if (renderer != null) {
                            trace = renderer.getStackTrace();
                            prefix = phase + ": renderer: ";
                        }
                    }
                    String key = prefix + key(trace);
                    synchronized (samples) {
                        samples.merge(key, 1, Integer::sum);
                        examples.putIfAbsent(key, Arrays.stream(trace).limit(FRAMES)
                                .map(f -> "      " + f).collect(Collectors.joining("\n")));
                        total++;
                    }
                }
            }
        }, "stall-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private Thread renderer;

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

    /** Names what the window is doing now; samples are counted per phase. */
    void phase(String name) {
        phase = name;
    }

    void pulse() {
        lastPulse = System.nanoTime();
    }

    void report(PrintStream out) {
        synchronized (samples) {
            out.println("stall_samples " + total + " (FX thread stacks while no pulse came for 30 ms, 5 ms apart)");
            samples.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(Integer.getInteger("harness.stallStacks", 8))
                    .forEach(e -> out.println("  " + e.getValue() + " samples: " + e.getKey() + "\n"
                            + examples.get(e.getKey())));
        }
    }
}
