package org.trainlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trainlab.experiment.compare.Outcome;
import org.trainlab.experiment.compare.PairedDifference;
import org.trainlab.experiment.compare.Verdict;
import org.trainlab.experiment.compare.VerdictText;
import org.trainlab.experiment.json.RunRecordJson;
import org.trainlab.experiment.record.RunRecord;
import org.trainlab.experiment.settings.SettingsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code compare DIR_A DIR_B}: the paired verdict of B against A, from folders written by
 * {@code train --seeds N} (seed-1, seed-2, ... paired by number) or by a plain {@code train} (one seed).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Say whether B differs from A: per-seed differences in best held-out accuracy and final"
                + " held-out loss, their mean with a 95%% confidence interval, and how many seeds agree.")
public final class CompareCommand implements Callable<Integer> {

    private static final Pattern SEED_FOLDER = Pattern.compile("seed-(\\d+)");

    @Parameters(index = "0", paramLabel = "DIR_A", description = "The reference: a folder of seed-k run folders, or one run folder.")
    Path a;

    @Parameters(index = "1", paramLabel = "DIR_B", description = "The one compared with it, seed k against seed k.")
    Path b;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the verdict: en (default) or ko.")
    String language = "en";

    private final PrintWriter stdout;
    private final PrintWriter stderr;

    public CompareCommand() {
        this(new PrintWriter(System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    CompareCommand(PrintWriter stdout, PrintWriter stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        List<RunRecord> runsA;
        List<RunRecord> runsB;
        try {
            runsA = seeds(a);
            runsB = seeds(b);
        } catch (IOException | SettingsException e) {
            stderr.println(e.getMessage());
            return TrainCommand.EXIT_BAD_INPUT;
        }
        if (runsA.size() != runsB.size()) {
            stderr.println("note: " + a + " has " + runsA.size() + " seeds and " + b + " has " + runsB.size()
                    + "; the first " + Math.min(runsA.size(), runsB.size()) + " are paired");
        }
        Verdict verdict = Verdict.of(name(runsA, a), outcomes(runsA), name(runsB, b), outcomes(runsB));
        int n = Math.min(runsA.size(), runsB.size());
        stdout.println("seed  A best acc  B best acc  difference  A final loss  B final loss  difference");
        for (int i = 0; i < n; i++) {
            Outcome x = Outcome.of(runsA.get(i).epochs());
            Outcome y = Outcome.of(runsB.get(i).epochs());
            stdout.printf(Locale.ROOT, "%4d  %9.2f%%  %9.2f%%  %+9.2f   %12.4f  %12.4f  %+10.4f%n", i + 1,
                    100 * x.bestHeldOutAccuracy(), 100 * y.bestHeldOutAccuracy(),
                    100 * (y.bestHeldOutAccuracy() - x.bestHeldOutAccuracy()),
                    x.finalHeldOutLoss(), y.finalHeldOutLoss(), y.finalHeldOutLoss() - x.finalHeldOutLoss());
        }
        PairedDifference acc = verdict.accuracy();
        if (acc.pairs() >= 2) {
            stdout.printf(Locale.ROOT, "mean  accuracy %+.2f points, 95%% CI %+.2f to %+.2f (t over %d pairs)%n",
                    acc.mean(), acc.low(), acc.high(), acc.pairs());
        }
        stdout.println(VerdictText.sentence(verdict, Locale.forLanguageTag(language)));
        return TrainCommand.EXIT_COMPLETED;
    }

    /** The seed-k folders in order of k, or the folder itself when it holds one run. */
    static List<RunRecord> seeds(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder (expected one written by 'trainlab train')");
        }
        List<int[]> numbers = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Matcher m = SEED_FOLDER.matcher(p.getFileName().toString());
                if (Files.isRegularFile(p.resolve("run.json")) && m.matches()) {
                    numbers.add(new int[] {Integer.parseInt(m.group(1)), folders.size()});
                    folders.add(p);
                }
            }
        }
        List<Path> ordered = new ArrayList<>();
        numbers.stream().sorted((x, y) -> Integer.compare(x[0], y[0])).forEach(n -> ordered.add(folders.get(n[1])));
        if (ordered.isEmpty()) {
            if (!Files.isRegularFile(dir.resolve("run.json"))) {
                throw new IOException(dir + " holds no run: neither run.json nor seed-1/run.json, seed-2/run.json, ..."
                        + " (write them with 'trainlab train --seeds N --out " + dir + "')");
            }
            ordered.add(dir);
        }
        List<RunRecord> records = new ArrayList<>();
        for (Path p : ordered) {
            try {
                records.add(RunRecordJson.read(p.resolve("run.json")));
            } catch (SettingsException e) {
                throw new IOException(p.resolve("run.json") + ": " + e.getMessage(), e);
            }
        }
        return records;
    }

    private static List<Outcome> outcomes(List<RunRecord> runs) {
        return runs.stream().map(r -> Outcome.of(r.epochs())).toList();
    }

    /** The runs' name without the seed, else the folder's name. */
    private static String name(List<RunRecord> runs, Path dir) {
        String name = runs.get(0).settings().name();
        return name == null || name.isBlank() ? String.valueOf(dir.getFileName()) : name;
    }
}
