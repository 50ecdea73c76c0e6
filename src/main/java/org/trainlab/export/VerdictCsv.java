package org.trainlab.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trainlab.experiment.compare.PairedDifference;
import org.trainlab.experiment.compare.Verdict;
import org.trainlab.experiment.compare.VerdictText;
import org.trainlab.experiment.io.AtomicFiles;
import org.trainlab.session.Groups;
import org.trainlab.session.RunGroup;
import org.trainlab.session.Session;

/**
 * The verdicts of a session's groups of seeds against their parent groups (or the groups the user picked) as CSV, one line per group:
 * the figures and the sentence. Written beside the all-runs metrics export as {@code NAME-verdicts.csv}.
 */
public final class VerdictCsv {

    public static final String HEADER = "group,compared_with,seeds,accuracy_diff_points,accuracy_ci_low,accuracy_ci_high,"
            + "seeds_better,seeds_worse,final_loss_diff,final_loss_ci_low,final_loss_ci_high,verdict,sentence";

    private VerdictCsv() {
    }

    /** Every group that has a parent group, in list order. */
    public static List<Verdict> verdicts(Session s) {
        return verdicts(s, Map.of());
    }

    /**
     * Every group compared with another, in list order: with the group picked for it in {@code picks}
     * (group id → id of the group it is compared with) while that group exists, else with its parent group.
     */
    public static List<Verdict> verdicts(Session s, Map<String, String> picks) {
        List<Verdict> all = new ArrayList<>();
        for (RunGroup g : s.groups()) {
            verdict(s, g, picks).ifPresent(all::add);
        }
        return all;
    }

    /** The verdict of {@code group} against the group picked for it, else against its parent group; empty with neither. */
    public static Optional<Verdict> verdict(Session s, RunGroup group, Map<String, String> picks) {
        String against = picks.get(group.id());
        if (against != null && !against.equals(group.id())) {
            Optional<RunGroup> other = s.group(against);
            if (other.isPresent()) {
                return Optional.of(Groups.verdict(Groups.unit(s, other.get()), Groups.unit(s, group)));
            }
        }
        return Groups.verdictAgainstParent(s, group);
    }

    public static String of(Session s, Locale locale) {
        return of(s, locale, Map.of());
    }

    public static String of(Session s, Locale locale, Map<String, String> picks) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Verdict v : verdicts(s, picks)) {
            PairedDifference a = v.accuracy();
            PairedDifference l = v.loss();
            csv.append(CsvExport.quote(v.nameB())).append(',').append(CsvExport.quote(v.nameA())).append(',')
                    .append(a.pairs()).append(',').append(num(a.mean())).append(',')
                    .append(num(a.low())).append(',').append(num(a.high())).append(',')
                    .append(a.above()).append(',').append(a.below()).append(',')
                    .append(num(l.mean())).append(',').append(num(l.low())).append(',')
                    .append(num(l.high())).append(',').append(v.kind().name()).append(',')
                    .append(CsvExport.quote(VerdictText.sentence(v, locale))).append('\n');
        }
        return csv.toString();
    }

    /** Locale-free, as in the metrics files; empty when there is no number (fewer than two seeds). */
    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** {@code runs.csv} → {@code runs-verdicts.csv} in the same folder. */
    public static Path beside(Path metricsFile) {
        String name = metricsFile.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return metricsFile.resolveSibling(stem + "-verdicts.csv");
    }

    public static void writeBeside(Path metricsFile, Session s, Locale locale) throws IOException {
        writeBeside(metricsFile, s, locale, Map.of());
    }

    public static void writeBeside(Path metricsFile, Session s, Locale locale, Map<String, String> picks)
            throws IOException {
        AtomicFiles.writeShared(beside(metricsFile), of(s, locale, picks));
    }
}
