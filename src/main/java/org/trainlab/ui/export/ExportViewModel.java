package org.trainlab.ui.export;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainlab.experiment.io.AtomicFiles;
import org.trainlab.experiment.json.SettingsJson;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.export.CsvExport;
import org.trainlab.export.VerdictCsv;
import org.trainlab.export.Dl4jExport;
import org.trainlab.export.PyTorchExport;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.runs.Notice;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.runs.Status;
import org.trainlab.ui.tasks.BackgroundTasks;

/**
 * Exports of the active run (its settings, PyTorch and DL4J code, its metrics) or of every run's metrics.
 * Files are written through the {@link BackgroundTasks} door; a failure is shown naming the file.
 */
public final class ExportViewModel {

    private static final Logger log = LoggerFactory.getLogger(ExportViewModel.class);

    private final RunsViewModel runs;
    private final BackgroundTasks tasks;

    public ExportViewModel(RunsViewModel runs, BackgroundTasks tasks) {
        this.runs = runs;
        this.tasks = tasks;
    }

    /** Metrics as CSV: the active run's epochs, or every run's in one table. */
    public void exportMetrics(Path file, boolean allRuns) {
        Session s = runs.session().snapshot();
        String csv;
        if (allRuns) {
            csv = CsvExport.allRuns(s.runs());
            java.util.Map<String, String> picks = runs.grouping().comparisons().asMap();
            if (!VerdictCsv.verdicts(s, picks).isEmpty()) {
                java.util.Locale l = runs.locale();
                write(VerdictCsv.beside(file), () -> VerdictCsv.writeBeside(file, s, l, picks));
            }
        } else {
            SessionRun run = runs.activeRun().orElse(null);
            if (run == null) {
                return;
            }
            csv = CsvExport.run(run);
        }
        write(file, () -> CsvExport.write(file, csv));
    }

    /** The active run's settings as a settings file (the panel's settings when no run is active). */
    public void exportSettings(Path file) {
        ExperimentSettings s = runs.activeOrPanelSettings();
        write(file, () -> AtomicFiles.writeShared(file, SettingsJson.write(s) + "\n"));
    }

    /** Writes text (code, an SVG) to a file in the background, atomically. */
    public void exportText(Path file, String text) {
        write(file, () -> AtomicFiles.writeShared(file, text));
    }

    /** Runs a file write through the door; success goes to the status line, a failure to a notice naming the file. */
    public void write(Path file, BackgroundTasks.Job job) {
        tasks.runJob(job, () -> runs.showStatus(Status.of("status.exported", file.toString())), e -> {
            log.warn("cannot write {}", file, e);
            runs.notice(Notice.error("notice.write.title", "notice.write.failed", file.toString(),
                    String.valueOf(e.getMessage())));
        });
    }

    /** The PyTorch script for the active run's settings; the bundled digits it reads are put in place in the background. */
    public String pyTorchCode() {
        ExperimentSettings s = runs.activeOrPanelSettings();
        Path folder = PyTorchExport.defaultDataFolder(s);
        if (s.data().source() == DatasetSource.BUNDLED_DIGITS) {
            tasks.runJob(() -> PyTorchExport.extractBundledDigits(folder), () -> { },
                    e -> log.warn("cannot put the bundled digits in {}", folder, e));
        }
        return PyTorchExport.code(s, folder);
    }

    public String dl4jCode() {
        return Dl4jExport.code(runs.activeOrPanelSettings());
    }

    /** A file name for exports of the active run, from its name. */
    public String exportBaseName() {
        String name = runs.activeOrPanelSettings().name();
        String cleaned = name == null ? "" : name.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "run" : cleaned;
    }
}
