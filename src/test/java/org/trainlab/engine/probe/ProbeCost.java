package org.trainlab.engine.probe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.trainlab.engine.TrainingListener;
import org.trainlab.engine.TrainingRun;
import org.trainlab.experiment.json.SettingsJson;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.TrainingSettings;

/**
 * What the inside figures cost on the tutorial's run (not a test: timings depend on the machine).
 * Trains {@code assets/experiments/tutorial-cnn.json} with the figures off and on, alternating, in one
 * process, and prints the medians of the epoch's wall time (training, held-out evaluation, figures) and
 * of its tail (from the last batch's loss to the epoch's metrics: last step, evaluation, figures).
 * Run with the test classpath:
 * {@code java -cp target/classes:target/test-classes:<deps> org.trainlab.engine.probe.ProbeCost [pairs] [epochs]}.
 */
public final class ProbeCost {

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        ExperimentSettings tutorial = SettingsJson.read(Path.of("assets/experiments/tutorial-cnn.json"));
        TrainingSettings t = tutorial.training();
        ExperimentSettings s = tutorial.withTraining(new TrainingSettings(epochs, t.batchSize(), t.seed()));
        List<Double> wallOn = new ArrayList<>(), wallOff = new ArrayList<>(), tailOn = new ArrayList<>(), tailOff = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            for (int k = 0; k < 2; k++) {
                boolean on = (pair + k) % 2 == 1;
                Timer timer = new Timer();
                TrainingRun run = new TrainingRun(s, TrainingRun.DataSource.DEFAULT, timer);
                run.setProbes(on);
                if (run.run() != RunState.COMPLETED) {
                    throw new IllegalStateException("run did not complete");
                }
                (on ? wallOn : wallOff).addAll(timer.walls);
                (on ? tailOn : tailOff).addAll(timer.tails);
                System.out.printf(Locale.ROOT, "pair %d, figures %s: epoch wall %s s, tail %s s%n", pair, on ? "on " : "off",
                        timer.walls, timer.tails);
            }
        }
        double wOn = median(wallOn), wOff = median(wallOff), tOn = median(tailOn), tOff = median(tailOff);
        System.out.printf(Locale.ROOT, "median epoch wall: off %.2f s, on %.2f s, ratio on/off %.3f%n", wOff, wOn, wOn / wOff);
        System.out.printf(Locale.ROOT, "median epoch tail: off %.3f s, on %.3f s; figures' cost (tail on - off) / wall off = %.2f%%%n",
                tOff, tOn, 100 * (tOn - tOff) / wOff);
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Epoch wall times and tails, in seconds. */
    private static final class Timer implements TrainingListener {
        final List<Double> walls = new ArrayList<>(), tails = new ArrayList<>();
        private long epochStart, lastBatch;

        @Override
        public void onStateChanged(RunState state, String message) {
            if (state == RunState.RUNNING && epochStart == 0) {
                epochStart = System.nanoTime();
            }
        }

        @Override
        public void onBatch(BatchMetrics m) {
            if (m.batch() == m.batches()) {
                lastBatch = System.nanoTime();
            }
        }

        @Override
        public void onEpoch(EpochMetrics m) {
            long now = System.nanoTime();
            walls.add(round((now - epochStart) / 1e9));
            tails.add(round((now - lastBatch) / 1e9));
            epochStart = now;
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }

    private ProbeCost() {
    }

    static String describe(double[] v) {
        return Arrays.toString(v);
    }
}
