package org.trainlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The JIT compiler threads step back as the training threads do (decision 7); Linux only. */
class BackgroundPriorityTest {

    @Test
    void compilerThreadsGetTheTrainingThreadsPriority() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/task")), "Linux lists a process's threads");
        Map<String, Integer> before = compilerThreads();
        assertFalse(before.isEmpty(), "the JVM has JIT compiler threads");

        assertTrue(BackgroundPriority.lowerCompilerThreads() >= 1);

        // the JVM may start or end compiler threads meanwhile: those present throughout are compared
        Map<String, Integer> after = compilerThreads();
        before.keySet().retainAll(after.keySet());
        assertFalse(before.isEmpty());
        before.forEach((tid, nice) -> assertEquals(Math.min(19, nice + BackgroundPriority.NICE), after.get(tid), "thread " + tid));
    }

    /** Thread id to nice value of the threads named like HotSpot's compiler threads. */
    private static Map<String, Integer> compilerThreads() throws IOException {
        Map<String, Integer> threads = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(task.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                    threads.put(task.getFileName().toString(), BackgroundPriority.nice(task.resolve("stat")));
                }
            }
        }
        return threads;
    }
}
