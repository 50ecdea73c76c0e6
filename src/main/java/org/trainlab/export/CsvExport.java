package org.trainlab.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.trainlab.experiment.io.AtomicFiles;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.io.MetricsCsv;
import org.trainlab.session.SessionRun;

/**
 * Metrics as CSV. Text fields are quoted as RFC 4180 says (a field holding a comma, a double quote or
 * a line break is enclosed in double quotes, with inner quotes doubled); numbers are locale-free
 * ({@link MetricsCsv}); lines end with "\n"; UTF-8 without a byte-order mark.
 */
public final class CsvExport {

    /** The columns of {@link #allRuns}: which run, then {@link MetricsCsv#HEADER}. */
    public static final String ALL_RUNS_HEADER = "run_name,run_id," + MetricsCsv.HEADER;
    public static final String LOSS_CURVE_HEADER = "iteration,loss";

    private CsvExport() {
    }

    /** One run's epochs, the same columns as the metrics.csv of {@code train --out}. */
    public static String run(SessionRun run) {
        return MetricsCsv.of(run.epochs());
    }

    /** Every run's epochs in one long table, one line per (run, epoch), runs in the given order. */
    public static String allRuns(List<SessionRun> runs) {
        StringBuilder csv = new StringBuilder(ALL_RUNS_HEADER).append('\n');
        for (SessionRun run : runs) {
            String prefix = quote(run.name()) + "," + quote(run.id()) + ",";
            for (EpochMetrics epoch : run.epochs()) {
                csv.append(prefix).append(MetricsCsv.line(epoch)).append('\n');
            }
        }
        return csv.toString();
    }

    /** One field as RFC 4180 wants it: as is, or in double quotes with inner double quotes doubled. */
    public static String quote(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** Writes a CSV atomically, so a half-written file never replaces a good one. */
    public static void write(Path file, String csv) throws IOException {
        AtomicFiles.writeShared(file, csv);
    }
}
