import org.trainlab.engine.RunInfo;
import org.trainlab.engine.TrainingListener;
import org.trainlab.engine.TrainingRun;
import org.trainlab.experiment.json.SettingsJson;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.TrainingSettings;
import org.trainlab.ui.charts.RunEvent;
import org.trainlab.ui.runs.RunTracker;
import org.trainlab.ui.runs.queue.QueueForecast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The run bar's time left and the queue's end, against what happens: RUNS real runs of CONFIG, one
 * after another as the window's queue trains them, their events fed to the window's RunTracker and
 * QueueForecast with the real clock. At every epoch's first batch both estimates are noted; at the
 * end each is compared with the true time left (from the third epoch of a run on: two whole epochs
 * timed, as the estimate needs; and while at least one epoch is left).
 *   java -cp "target/classes:$(cat target/classpath.txt)" scripts/lecture/TimeLeftCheck.java CONFIG EPOCHS RUNS
 */
public class TimeLeftCheck {

    public static void main(String[] args) throws Exception {
        ExperimentSettings base = SettingsJson.read(Path.of(args[0]));
        int epochs = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        ExperimentSettings s = base.withTraining(new TrainingSettings(epochs, base.training().batchSize(), base.training().seed()));
        System.out.printf(Locale.ROOT, "load average %s; %d runs of %d epochs one after another%n", load(), runs, epochs);
        List<double[]> runNotes = new ArrayList<>();   // {run, time, estimate}
        List<double[]> queueNotes = new ArrayList<>(); // {time, estimate}
        double[] runEnds = new double[runs];
        long t0 = System.nanoTime();
        for (int k = 0; k < runs; k++) {
            final int run = k;
            final int waitingAfter = runs - k - 1;
            RunTracker tracker = RunTracker.submitted(s);
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onStateChanged(RunState state, String message) {
                    tracker.apply(new RunEvent.StateChanged("r", state, message));
                }

                @Override
                public void onPrepared(RunInfo info) {
                    tracker.apply(new RunEvent.Prepared("r", info));
                }

                @Override
                public void onBatch(BatchMetrics m) {
                    long now = System.nanoTime();
                    tracker.apply(new RunEvent.Batch("r", m, now));
                    if (m.batch() == 1 && m.epoch() >= 3) {
                        double t = (now - t0) / 1e9;
                        runNotes.add(new double[] {run, t, tracker.secondsLeft()});
                        var ref = new QueueForecast.Reference(tracker.settings(), tracker.epochSeconds(), tracker.testImages());
                        queueNotes.add(new double[] {t, QueueForecast.secondsUntilEmpty(List.of(tracker.secondsLeft()),
                                Collections.nCopies(waitingAfter, s), ref, 1)});
                    }
                }
            };
            new TrainingRun(s, TrainingRun.DataSource.DEFAULT, listener).run();
            runEnds[k] = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "run %d ended at %.2f s (load %s)%n", k + 1, runEnds[k], load());
        }
        double queueEnd = runEnds[runs - 1];
        double epochGuess = runEnds[0] / epochs;
        List<Double> runErrors = new ArrayList<>(), queueErrors = new ArrayList<>();
        for (double[] n : runNotes) {
            double actual = runEnds[(int) n[0]] - n[1];
            if (actual >= epochGuess) {
                runErrors.add(Math.abs(n[2] - actual) / actual);
            }
        }
        for (double[] n : queueNotes) {
            double actual = queueEnd - n[0];
            if (actual >= epochGuess) {
                queueErrors.add(Math.abs(n[1] - actual) / actual);
            }
        }
        report("run bar's time left", runErrors);
        report("queue's end", queueErrors);
    }

    static void report(String what, List<Double> errors) {
        double[] e = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (e.length == 0) {
            System.out.println(what + ": no estimates");
            return;
        }
        long within = Arrays.stream(e).filter(x -> x <= 0.15).count();
        System.out.printf(Locale.ROOT, "%s: %d estimates, error median %.1f%%, 90th percentile %.1f%%, worst %.1f%%, %d of %d within 15%%%n",
                what, e.length, 100 * e[e.length / 2], 100 * e[(int) (0.9 * (e.length - 1))], 100 * e[e.length - 1], within, e.length);
    }

    static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
