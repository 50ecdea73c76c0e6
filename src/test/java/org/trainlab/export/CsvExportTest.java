package org.trainlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.io.MetricsCsv;
import org.trainlab.experiment.record.RunState;
import org.trainlab.session.SessionRun;

class CsvExportTest {

    private static final String AWKWARD_NAME = "드롭아웃 0.3, \"cured\"\nsecond line";

    @TempDir
    Path folder;

    private static SessionRun run(String id, String name, int epochs) {
        SessionRun run = SessionRun.queued(id, 0, Defaults.settings().withName(name));
        for (int e = 1; e <= epochs; e++) {
            run = run.withEpoch(new EpochMetrics(e, e * 10L, 1.0 / e, 0.9, 0.5, 0.85, 1e-3, 1e-3, 12.5, 2000, e * 1.5));
        }
        return run.withState(RunState.COMPLETED, null);
    }

    @Test
    void allRunsParseBackWithHangulCommasAndQuotesInNames() throws IOException {
        List<SessionRun> runs = List.of(run("a", AWKWARD_NAME, 2), run("b", "Baseline", 3));
        Path file = folder.resolve("all.csv");
        CsvExport.write(file, CsvExport.allRuns(runs));
        List<List<String>> rows = parse(Files.readString(file, StandardCharsets.UTF_8));

        assertEquals(1 + 2 + 3, rows.size());
        assertEquals(List.of(CsvExport.ALL_RUNS_HEADER.split(",")), rows.get(0));
        assertEquals(AWKWARD_NAME, rows.get(1).get(0));
        assertEquals("a", rows.get(1).get(1));
        assertEquals("2", rows.get(2).get(2), "epoch column");
        assertEquals("Baseline", rows.get(5).get(0));
        for (List<String> row : rows) {
            assertEquals(rows.get(0).size(), row.size(), row.toString());
        }
        assertEquals(0.85, Double.parseDouble(rows.get(3).get(2 + 5)), 1e-9, "test_accuracy of Baseline's epoch 1");
    }

    @Test
    void oneRunIsTheSameTableAsTheCommandLinesMetricsCsv() {
        SessionRun run = run("a", AWKWARD_NAME, 2);
        assertEquals(MetricsCsv.of(run.epochs()), CsvExport.run(run));
    }

    @Test
    void quotingFollowsRfc4180() {
        assertEquals("plain", CsvExport.quote("plain"));
        assertEquals("\"a,b\"", CsvExport.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.quote("say \"hi\""));
        assertEquals("\"two\r\nlines\"", CsvExport.quote("two\r\nlines"));
        assertEquals("가중치 감소", CsvExport.quote("가중치 감소"));
        assertTrue(CsvExport.allRuns(List.of()).equals(CsvExport.ALL_RUNS_HEADER + "\n"));
    }

    /** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
