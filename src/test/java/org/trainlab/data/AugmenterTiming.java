package org.trainlab.data;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.trainlab.experiment.settings.AugmentationSettings;

/**
 * Rough cost of the augmentation pipeline per image with every step on (not a test: timings depend
 * on the machine). Run with the test classpath: {@code java -cp target/classes:target/test-classes
 * org.trainlab.data.AugmenterTiming}.
 */
public final class AugmenterTiming {

    public static void main(String[] args) throws Exception {
        Dataset digits = BundledDigits.load().train();
        int batch = 128;
        float[] source = new float[batch * 784];
        for (int i = 0; i < batch; i++) {
            digits.copyImageAsFloat(i, source, i * 784);
        }
        Augmenter augmenter = new Augmenter(new AugmentationSettings(true, true, true, 15, 2, 0.1, 0.05, 0.5));
        float[] work = new float[source.length];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 5; round++) {
            int batches = 400;
            long start = System.nanoTime();
            long cpuStart = cpu.getCurrentThreadCpuTime();
            for (int b = 0; b < batches; b++) {
                System.arraycopy(source, 0, work, 0, source.length);
                augmenter.augmentBatch(work, 0, batch, 1, b);
            }
            double wall = (System.nanoTime() - start) / 1e3 / (batches * batch);
            double thread = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e3 / (batches * batch);
            // CPU time is the fairer figure on a busy machine: wall time includes waiting for a core.
            System.out.printf("round %d: %.2f us CPU, %.2f us wall per image (copy included)%n", round, thread, wall);
        }
    }
}
