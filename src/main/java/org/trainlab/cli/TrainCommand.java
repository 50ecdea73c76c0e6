package org.trainlab.cli;

import org.trainlab.engine.NativeGate;
import org.trainlab.engine.RunInfo;
import org.trainlab.engine.TrainingListener;
import org.trainlab.engine.TrainingRun;
import org.trainlab.experiment.compare.SeedPlan;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.io.MetricsCsv;
import org.trainlab.experiment.record.RunRecord;
import org.trainlab.experiment.json.RunRecordJson;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;
import org.trainlab.experiment.settings.SettingsException;
import org.trainlab.experiment.json.SettingsJson;
import org.trainlab.experiment.settings.TrainingSettings;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionAutosaver;
import org.trainlab.session.SessionRecorder;
import org.trainlab.session.SessionRun;
import org.trainlab.session.SessionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.List;

/**
 * {@code train --config exp.json --out runs/NAME}: trains headless, printing a line per epoch and
 * keeping the run's record on disk as it goes: settings.json once, metrics.csv appended and flushed
 * every epoch, run.json (settings, provenance, every epoch, and per epoch the inside figures: held-out
 * confusion counts, worst mistakes, per-layer statistics and weight histogram) rewritten atomically every
 * epoch. A killed process keeps every finished epoch. With {@code --seeds N}, the run is repeated with N
 * seeds, each recorded the same way in {@code --out/seed-k}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train one experiment headless and write its record to a folder.")
public final class TrainCommand implements Callable<Integer> {

    static final int EXIT_COMPLETED = 0, EXIT_FAILED = 1, EXIT_BAD_INPUT = 2, EXIT_DIVERGED = 3, EXIT_STOPPED = 4;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings JSON; missing fields take the defaults. Without it, the defaults.")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for settings.json, metrics.csv and run.json.")
    Path out;

    @Option(names = "--epochs", description = "Override the number of epochs.")
    Integer epochs;

    @Option(names = "--seed", description = "Override the seed.")
    Long seed;

    @Option(names = "--seeds", paramLabel = "N", description = "Repeat the run with N seeds (1 to 20): seed 1 is the"
            + " settings' seed, the others derive from it; each seed's record goes to its own folder, --out/seed-1,"
            + " --out/seed-2, ... (compare two such folders with 'trainlab compare').")
    int seeds = 1;

    @Option(names = "--overwrite", description = "Replace a run already recorded in --out, or an unrestored autosave.")
    boolean overwrite;

    @Option(names = "--autosave", description = "Also record the run into the workbench's autosave session"
            + " (<data folder>/autosave/session.json), saved after every epoch.")
    boolean autosave;

    @Option(names = "--session", paramLabel = "FILE", description = "Also record the run into this session file,"
            + " saved after every epoch.")
    Path sessionFile;

    @Option(names = "--no-inside", description = "Do not measure the inside figures (confusion matrix, layer"
            + " statistics) at each epoch's end; run.json then has an empty 'inside' list.")
    boolean noInside;

    private final PrintWriter stdout;
    private final PrintWriter stderr;
    private final TrainingRun.DataSource dataSource;

    public TrainCommand() {
        this(new PrintWriter(System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                TrainingRun.DataSource.DEFAULT);
    }

    TrainCommand(PrintWriter stdout, PrintWriter stderr, TrainingRun.DataSource dataSource) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.dataSource = dataSource;
    }

    @Override
    public Integer call() {
        ExperimentSettings settings;
        try {
            settings = config == null ? Defaults.settings() : SettingsJson.read(config);
            TrainingSettings t = settings.training();
            settings = settings.withTraining(new TrainingSettings(epochs != null ? epochs : t.epochs(), t.batchSize(),
                    seed != null ? seed : t.seed()));
        } catch (SettingsException e) {
            stderr.println("error in " + config + ": " + oneLine(e.getMessage()));
            return EXIT_BAD_INPUT;
        } catch (IOException e) {
            stderr.println("cannot read " + config + ": " + (e instanceof java.nio.file.NoSuchFileException
                    ? "no such file" : oneLine(String.valueOf(e.getMessage()))));
            return EXIT_BAD_INPUT;
        }
        String seedProblem = SeedPlan.problem(seeds);
        if (seedProblem != null) {
            stderr.println("--seeds " + seedProblem);
            return EXIT_BAD_INPUT;
        }
        if (seeds > 1) {
            return trainSeeds(settings);
        }
        return trainOne(settings, out);
    }

    /** Every seed in turn, each into its own folder; the worst ending decides the exit code. */
    private int trainSeeds(ExperimentSettings settings) {
        if (autosave || sessionFile != null) {
            stderr.println("--seeds records each seed in its own folder; --autosave and --session record one run only");
            return EXIT_BAD_INPUT;
        }
        for (int k = 0; k < seeds; k++) {
            if (Files.exists(seedFolder(out, k).resolve("run.json")) && !overwrite) {
                stderr.println(seedFolder(out, k) + " already holds a run (run.json); choose another --out or pass --overwrite");
                return EXIT_BAD_INPUT;
            }
        }
        int worst = EXIT_COMPLETED;
        TrainingSettings t = settings.training();
        for (int k = 0; k < seeds; k++) {
            long seed = SeedPlan.memberSeed(t.seed(), k);
            stdout.printf(Locale.ROOT, "seed %d of %d (%d)%n", k + 1, seeds, seed);
            int code = trainOne(settings.withTraining(new TrainingSettings(t.epochs(), t.batchSize(), seed)), seedFolder(out, k));
            if (code == EXIT_BAD_INPUT || code == EXIT_STOPPED) {
                return code;
            }
            worst = Math.max(worst, code);
        }
        return worst;
    }

    /** Where seed k (0-based) of a --seeds run is recorded. */
    static Path seedFolder(Path out, int k) {
        return out.resolve("seed-" + (k + 1));
    }

    private int trainOne(ExperimentSettings settings, Path out) {
        SessionStore store = null;
        if (autosave || sessionFile != null) {
            store = sessionFile != null ? new SessionStore(sessionFile) : SessionStore.autosave();
            if (sessionFile != null && Files.exists(sessionFile) && !overwrite) {
                stderr.println(sessionFile + " already exists; choose another --session or pass --overwrite");
                return EXIT_BAD_INPUT;
            }
            if (store.hasRecoverable() && !overwrite) {
                stderr.println(store.file() + " holds a session that was not closed normally and may need restoring;"
                        + " open TrainLab to restore it, or pass --overwrite to replace it");
                return EXIT_BAD_INPUT;
            }
        }
        Path runJson = out.resolve("run.json");
        if (Files.exists(runJson) && !overwrite) {
            stderr.println(out + " already holds a run (run.json); choose another --out or pass --overwrite");
            return EXIT_BAD_INPUT;
        }
        try {
            Files.createDirectories(out);
            SettingsJson.write(out.resolve("settings.json"), settings);
            Files.writeString(out.resolve("metrics.csv"), MetricsCsv.HEADER + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            stderr.println("cannot write to " + out + ": " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        try (Recorder recorder = new Recorder(settings, out); SessionRecording recording = SessionRecording.start(store, settings)) {
            TrainingListener listener = recording == null ? recorder : TrainingListener.both(recorder, recording.recorder());
            if (recording != null) {
                stdout.println("session: " + store.file());
            }
            TrainingRun run = new TrainingRun(settings, dataSource, listener);
            run.setProbes(!noInside);
            Thread hook = new Thread(run::stop, "trainlab-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            RunState end = run.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook already ran: the run was stopped by a signal
            }
            return switch (end) {
                case COMPLETED -> EXIT_COMPLETED;
                case DIVERGED -> EXIT_DIVERGED;
                case STOPPED -> EXIT_STOPPED;
                default -> EXIT_FAILED;
            };
        } catch (SettingsException e) {
            stderr.println(oneLine(e.getMessage()));
            return EXIT_BAD_INPUT;
        } catch (UncheckedIOException e) {
            stderr.println("cannot write the run's record in " + out + ": " + e.getCause().getMessage());
            return EXIT_FAILED;
        }
    }

    /** Several problems (an invalid config lists each) on one line, for a terminal and a log. */
    static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** The run in a one-run session, saved by an autosaver; closing it marks the session clean. */
    private record SessionRecording(SessionAutosaver autosaver, SessionRecorder recorder) implements AutoCloseable {

        static SessionRecording start(SessionStore store, ExperimentSettings settings) {
            if (store == null) {
                return null;
            }
            SessionRun run = SessionRun.queued(SessionRun.newId(), 0, settings);
            LiveSession live = new LiveSession(Session.empty().withRun(run).withSelected(List.of(run.id()))
                    .withActiveRunId(run.id()));
            SessionAutosaver autosaver = new SessionAutosaver(store, live::snapshot);
            autosaver.flush();
            // a terminated process saves once more after its last batch (see NativeGate)
            NativeGate.process().afterClosing(autosaver::close);
            return new SessionRecording(autosaver, new SessionRecorder(live, run.id(), autosaver::requestSave));
        }

        @Override
        public void close() {
            autosaver.markClean();
        }
    }


    /** Writes the record as the run reports, and prints a line per epoch. */
    private final class Recorder implements TrainingListener, AutoCloseable {
        private final ExperimentSettings settings;
        private final Path out;
        private final BufferedWriter csv;
        private RunRecord record;
        private String downloading;
        private int lastTenth = -1;
        private int totalEpochs;

        Recorder(ExperimentSettings settings, Path out) {
            this.settings = settings;
            this.out = out;
            this.totalEpochs = settings.training().epochs();
            try {
                csv = Files.newBufferedWriter(out.resolve("metrics.csv"), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onPrepared(RunInfo info) {
            record = RunRecord.start(settings, info.provenance(), info.normalizationMean(), info.normalizationStd());
            stdout.printf(Locale.ROOT, "%s: %d training and %d held-out images, %d batches per epoch, %,d parameters%n",
                    settings.name(), info.trainImages(), info.testImages(), info.batchesPerEpoch(), info.parameters());
            stdout.println("native: " + info.provenance().nd4jBackend());
            save();
        }

        @Override
        public void onDownload(String file, long done, long total) {
            // a line per tenth, so a slow download shows it is moving without flooding the log
            int tenth = total > 0 ? (int) (10 * done / total) : -1;
            if (!file.equals(downloading) || tenth > lastTenth) {
                downloading = file;
                lastTenth = tenth;
                stdout.printf(Locale.ROOT, "downloading %s: %s%n", file,
                        total > 0 ? String.format(Locale.ROOT, "%d%% of %.1f MB", 10 * tenth, total / 1e6) : (done / 1000) + " kB");
            }
        }

        @Override
        public void onEpoch(EpochMetrics m) {
            stdout.printf(Locale.ROOT, "epoch %d/%d  train loss %.4f acc %.2f%%  held-out loss %.4f acc %.2f%%  lr %.3g  %.0f img/s  %.1f s%n",
                    m.epoch(), totalEpochs, m.trainLoss(), 100 * m.trainAccuracy(), m.testLoss(), 100 * m.testAccuracy(),
                    m.learningRate(), m.imagesPerSecond(), m.elapsedSeconds());
            try {
                csv.write(MetricsCsv.line(m));
                csv.newLine();
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            record = record.withEpoch(m);
            save();
        }

        /** Kept with the record; written with the epoch that follows it. */
        @Override
        public void onInside(InsideEpoch inside) {
            if (record != null) {
                record = record.withInside(inside);
            }
        }

        @Override
        public void onStateChanged(RunState state, StateNote message) {
            if (state.isFinal()) {
                // the command line speaks English
                stdout.println(state.name().toLowerCase(Locale.ROOT) + (message == null ? "" : ": " + oneLine(message.english()))
                        + (state == RunState.FAILED ? CliLog.details() : ""));
                if (record != null) {
                    record = record.withState(state, message);
                    save();
                }
            } else if (record != null) {
                record = record.withState(state, message);
            }
        }

        private void save() {
            try {
                RunRecordJson.write(out.resolve("run.json"), record);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                csv.close();
            } catch (IOException e) {
                stderr.println("cannot close metrics.csv: " + e.getMessage());
            }
        }
    }
}
