import org.trainlab.engine.NativeRuntime;
import org.trainlab.engine.TrainingRun;
import org.trainlab.experiment.json.SettingsJson;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.TrainingSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two small runs on a machine's cores: both at once with one native thread each ("parallel"), or one
 * after the other with two native threads each ("serial"), alternating in one process, several rounds:
 *   java -cp "target/classes:$(cat target/classpath.txt)" scripts/lecture/Concurrency.java CONFIG EPOCHS ROUNDS [BATCH...]
 * Prints each round's wall times and the median ratio serial / parallel per batch size (above 1: at
 * once is faster).
 */
public class Concurrency {

    public static void main(String[] args) throws Exception {
        ExperimentSettings base = SettingsJson.read(Path.of(args[0]));
        int epochs = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<Integer> batches = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            batches.add(Integer.parseInt(args[i]));
        }
        if (batches.isEmpty()) {
            batches.add(base.training().batchSize());
        }
        NativeRuntime.ensureLoaded();
        System.out.printf(Locale.ROOT, "load average %s, %d cores, %d epochs of %d images%n", load(),
                Runtime.getRuntime().availableProcessors(), epochs, base.data().trainSize());
        for (int batch : batches) {
            ExperimentSettings s = base.withTraining(new TrainingSettings(epochs, batch, base.training().seed()));
            run(s, 1, 1); // warm-up: code compiled, data cached
            double[] parallel = new double[rounds], serial = new double[rounds], ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                boolean parallelFirst = r % 2 == 0;
                if (parallelFirst) {
                    parallel[r] = run(s, 2, 1);
                    serial[r] = run(s, 1, 2);
                } else {
                    serial[r] = run(s, 1, 2);
                    parallel[r] = run(s, 2, 1);
                }
                ratio[r] = serial[r] / parallel[r];
                System.out.printf(Locale.ROOT, "batch %d round %d: two at once (1 thread each) %.2f s, one after the other (2 threads) %.2f s, ratio %.2f, load %s%n",
                        batch, r + 1, parallel[r], serial[r], ratio[r], load());
            }
            System.out.printf(Locale.ROOT, "batch %d: medians at once %.2f s, in turn %.2f s, ratio (in turn / at once) median %.2f%n",
                    batch, median(parallel), median(serial), median(ratio));
        }
    }

    /** Two runs of s, {@code atOnce} at a time, each with {@code threads} native threads; wall seconds. */
    static double run(ExperimentSettings s, int atOnce, int threads) throws Exception {
        NativeRuntime.limitThreads(threads);
        long start = System.nanoTime();
        for (int done = 0; done < 2; done += atOnce) {
            List<Thread> ts = new ArrayList<>();
            for (int i = 0; i < atOnce; i++) {
                Thread t = new Thread(() -> new TrainingRun(s, TrainingRun.DataSource.DEFAULT, null).run());
                t.start();
                ts.add(t);
            }
            for (Thread t : ts) {
                t.join();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
