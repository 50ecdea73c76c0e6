package org.trainlab.experiment.io;

import org.trainlab.experiment.record.EpochMetrics;

import java.util.List;
import java.util.Locale;

/** Epoch metrics as CSV: a header, then one line per epoch, numbers in plain locale-free notation. */
public final class MetricsCsv {

    public static final String HEADER = "epoch,iteration,train_loss,train_accuracy,test_loss,test_accuracy,"
            + "learning_rate,next_learning_rate,weight_norm,images_per_second,elapsed_seconds";

    private MetricsCsv() {
    }

    public static String line(EpochMetrics m) {
        return String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s", m.epoch(), m.iteration(),
                num(m.trainLoss()), num(m.trainAccuracy()), num(m.testLoss()), num(m.testAccuracy()),
                num(m.learningRate()), num(m.nextLearningRate()), num(m.weightNorm()), num(m.imagesPerSecond()),
                num(m.elapsedSeconds()));
    }

    public static String of(List<EpochMetrics> epochs) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (EpochMetrics m : epochs) {
            sb.append(line(m)).append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : (Double.isNaN(v) ? "NaN" : (v > 0 ? "Infinity" : "-Infinity"));
    }
}
