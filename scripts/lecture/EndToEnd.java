import org.trainlab.experiment.json.SettingsJson;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.export.PyTorchExport;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A whole run as a user starts it, TrainLab against the same settings exported as PyTorch code:
 * `train --config CONFIG` in a new JVM and the exported script under Debian's Python, both with two
 * threads, process start to end (data loading, evaluation and records included), alternating, ROUNDS
 * rounds:
 *   java -cp "target/classes:$(cat target/classpath.txt)" scripts/lecture/EndToEnd.java CONFIG ROUNDS JVM_OPTIONS...
 * Prints each round's wall times and the median ratio PyTorch / TrainLab (above 1: TrainLab is faster).
 */
public class EndToEnd {

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<String> jvm = Arrays.asList(args).subList(2, args.length);
        ExperimentSettings settings = SettingsJson.read(config);
        Path temp = Files.createTempDirectory("trainlab-e2e");
        Path digits = temp.resolve("digits");
        PyTorchExport.extractBundledDigits(digits);
        Path script = temp.resolve("run.py");
        Files.writeString(script, PyTorchExport.code(settings, digits), StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> ours = new ArrayList<>(), torch = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%s: %s, %d threads each, load %s%n", config, settings.name(), 2, load());
        for (int round = 1; round <= rounds; round++) {
            List<String> train = new ArrayList<>(List.of(java));
            train.addAll(jvm);
            train.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.trainlab.app.Main", "train",
                    "--config", config.toString(), "--out", temp.resolve("run-" + round).toString()));
            double t = time(train, temp.resolve("train-" + round + ".log"));
            double p = time(List.of("/usr/bin/python3", script.toString()), temp.resolve("torch-" + round + ".log"));
            ours.add(t);
            torch.add(p);
            System.out.printf(Locale.ROOT, "round %d  TrainLab %6.1f s  PyTorch %6.1f s  ratio %.2f  load %s%n",
                    round, t, p, p / t, load());
        }
        System.out.printf(Locale.ROOT, "median  TrainLab %.1f s  PyTorch %.1f s  ratio of medians %.2f%n",
                median(ours), median(torch), median(torch) / median(ours));
        System.out.println("logs: " + temp);
    }

    private static double time(List<String> command, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "2");
        long start = System.nanoTime();
        Process process = pb.start();
        int code = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(command.get(0) + " failed (" + code + "), see " + log);
        }
        return seconds;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String load() throws Exception {
        File f = new File("/proc/loadavg");
        return f.exists() ? Files.readString(f.toPath()).split(" ")[0] : "?";
    }
}
