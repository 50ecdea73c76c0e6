import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainlab.data.Dataset;
import org.trainlab.data.DatasetLoader;
import org.trainlab.data.DatasetSplit;
import org.trainlab.data.NormalizationStats;
import org.trainlab.engine.NativeRuntime;
import org.trainlab.engine.RunInfo;
import org.trainlab.engine.TrainingListener;
import org.trainlab.engine.TrainingRun;
import org.trainlab.engine.nn.Architectures;
import org.trainlab.engine.nn.Network;
import org.trainlab.engine.nn.WeightInit;
import org.trainlab.experiment.io.MetricsCsv;
import org.trainlab.experiment.json.RunRecordJson;
import org.trainlab.experiment.json.SettingsJson;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunRecord;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionJson;
import org.trainlab.session.SessionRecorder;
import org.trainlab.session.SessionRun;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where a headless run's wall time goes (docs/performance.md, "Lecture time"), measured in one process:
 *   java -cp "target/classes:$(cat target/classpath.txt)" scripts/lecture/LectureProfile.java CONFIG [rounds]
 * 1. one TrainingRun of CONFIG with a timing listener: per epoch the batch loop (first to last batch
 *    event), the gap from the last batch to the epoch event (held-out evaluation, weight norm) and the
 *    writes `train` does per epoch (metrics.csv line, run.json rewritten), plus the session JSON an
 *    autosave would write (five such runs, as a preset makes), timed and counted in bytes;
 * 2. the held-out evaluation of the test split alone, chunks of 32 against larger chunks, interleaved
 *    for several rounds, with its results compared bit for bit.
 */
public class LectureProfile {

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        ExperimentSettings settings = SettingsJson.read(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("lecture-profile");
        double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        System.out.printf(Locale.ROOT, "load average %.1f, %d cores%n", load, Runtime.getRuntime().availableProcessors());

        Timing timing = new Timing(settings, dir);
        long runStart = System.nanoTime();
        timing.runStart = runStart;
        new TrainingRun(settings, TrainingRun.DataSource.DEFAULT, timing).run();
        double runWall = (System.nanoTime() - runStart) / 1e9;
        timing.report(runWall, (runStart - t0) / 1e9);

        // the held-out evaluation alone, chunk sizes interleaved
        DatasetSplit data = DatasetLoader.load(settings.data(), (f, d, t) -> { }, () -> false);
        NativeRuntime.ensureLoaded();
        NormalizationStats norm = NormalizationStats.resolve(settings.normalization().kind(), data.train());
        // -Dprofile.chunks=32,125,250: other sizes (the first is the reference)
        int[] chunks = java.util.Arrays.stream(System.getProperty("profile.chunks", "32,250,500,1000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        double[][] seconds = new double[chunks.length][rounds];
        String[] results = new String[chunks.length];
        try (Network net = Architectures.build(settings.model())) {
            net.initialize(WeightInit.of(settings.init()), settings.training().seed());
            for (int c = 0; c < chunks.length; c++) {
                results[c] = evaluate(net, data.test(), norm, chunks[c]); // warm-up, and the figures
            }
            for (int r = 0; r < rounds; r++) {
                for (int c = 0; c < chunks.length; c++) {
                    long s = System.nanoTime();
                    evaluate(net, data.test(), norm, chunks[c]);
                    seconds[c][r] = (System.nanoTime() - s) / 1e9;
                }
            }
        }
        System.out.printf(Locale.ROOT, "held-out evaluation of %d images, %d rounds interleaved (median, ratio to the first chunk size):%n",
                data.test().size(), rounds);
        double base = median(seconds[0]);
        for (int c = 0; c < chunks.length; c++) {
            double m = median(seconds[c]);
            System.out.printf(Locale.ROOT, "  chunk %4d: %.3f s (%.0f img/s), %.2fx   loss/correct %s%s%n", chunks[c], m,
                    data.test().size() / m, base / m, results[c], results[c].equals(results[0]) ? " (same as the first)" : " (DIFFERS)");
        }
        System.out.printf(Locale.ROOT, "load average at the end %s%n", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    static String evaluate(Network net, Dataset test, NormalizationStats norm, int chunk) {
        int size = test.rows() * test.cols();
        double lossSum = 0;
        int correct = 0;
        List<INDArray> arrays = new ArrayList<>();
        for (int from = 0; from < test.size(); from += chunk) {
            int count = Math.min(chunk, test.size() - from);
            float[] pixels = new float[count * size];
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                test.copyImageAsFloat(from + i, pixels, i * size);
                labels[i] = test.label(from + i);
            }
            norm.apply(pixels, 0, pixels.length);
            INDArray x = Nd4j.createUninitialized(DataType.FLOAT, count, test.rows(), test.cols(), 1);
            x.data().setData(pixels);
            arrays.add(x);
            Network.BatchResult r = net.evaluate(x, labels);
            lossSum += r.loss() * count;
            correct += r.correct();
        }
        arrays.forEach(INDArray::close);
        return Double.toHexString(lossSum / test.size()) + "/" + correct;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Times the run's phases from its events and does the per-epoch writes `train` and the autosave do. */
    static final class Timing implements TrainingListener {
        final ExperimentSettings settings;
        final Path dir;
        RunRecord record;
        LiveSession live;
        SessionRecorder[] recorders;
        long runStart, prepared, firstBatch, lastBatch, epochEnd;
        double loops, gaps, writes, sessionWrites, betweenEpochs;
        long runJsonBytes, sessionBytes;
        int epochs;

        Timing(ExperimentSettings settings, Path dir) {
            this.settings = settings;
            this.dir = dir;
        }

        @Override
        public void onPrepared(RunInfo info) {
            prepared = System.nanoTime();
            record = RunRecord.start(settings, info.provenance(), info.normalizationMean(), info.normalizationStd());
            // the session a preset of five such runs makes, each run recording this run's epochs
            Session s = Session.empty();
            List<SessionRun> runs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                SessionRun run = SessionRun.queued(SessionRun.newId(), i, settings);
                runs.add(run);
                s = s.withRun(run);
            }
            live = new LiveSession(s);
            recorders = new SessionRecorder[5];
            for (int i = 0; i < 5; i++) {
                recorders[i] = new SessionRecorder(live, runs.get(i).id(), () -> { });
                recorders[i].onPrepared(info);
            }
        }

        @Override
        public void onBatch(BatchMetrics m) {
            long now = System.nanoTime();
            if (m.batch() == 1) {
                firstBatch = now;
                if (epochEnd != 0) {
                    betweenEpochs += (now - epochEnd) / 1e9;
                }
            }
            lastBatch = now;
            for (SessionRecorder r : recorders) {
                r.onBatch(m);
            }
        }

        @Override
        public void onEpoch(EpochMetrics m) {
            long now = System.nanoTime();
            epochs++;
            loops += (lastBatch - firstBatch) / 1e9;
            gaps += (now - lastBatch) / 1e9;
            try {
                long w = System.nanoTime();
                Files.writeString(dir.resolve("metrics.csv"), MetricsCsv.line(m) + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                record = record.withEpoch(m);
                RunRecordJson.write(dir.resolve("run.json"), record);
                writes += (System.nanoTime() - w) / 1e9;
                runJsonBytes += Files.size(dir.resolve("run.json"));
                for (SessionRecorder r : recorders) {
                    r.onEpoch(m);
                }
                w = System.nanoTime();
                String json = SessionJson.write(live.snapshot());
                Files.writeString(dir.resolve("session.json"), json, StandardCharsets.UTF_8);
                sessionWrites += (System.nanoTime() - w) / 1e9;
                sessionBytes += json.getBytes(StandardCharsets.UTF_8).length;
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
            epochEnd = System.nanoTime();
        }

        void report(double runWall, double before) {
            System.out.printf(Locale.ROOT, "JVM start to run start: %.2f s (class loading, settings)%n", before);
            System.out.printf(Locale.ROOT, "run wall time %.2f s over %d epochs:%n", runWall, epochs);
            System.out.printf(Locale.ROOT, "  data, native libraries, network set-up (to onPrepared): %.2f s%n", (prepared - runStart) / 1e9);
            System.out.printf(Locale.ROOT, "  batch loops (first to last batch event, per epoch summed): %.2f s (%.1f%%)%n", loops, 100 * loops / runWall);
            System.out.printf(Locale.ROOT, "  last batch to epoch event (held-out evaluation, weight norm): %.2f s (%.1f%%)%n", gaps, 100 * gaps / runWall);
            System.out.printf(Locale.ROOT, "  metrics.csv + run.json per epoch: %.3f s, run.json %,d bytes written in all%n", writes, runJsonBytes);
            System.out.printf(Locale.ROOT, "  a five-run session's JSON per epoch (what an autosave writes): %.3f s, %,d bytes in all, %,d at the end%n",
                    sessionWrites, sessionBytes, sessionBytes == 0 ? 0 : SessionJson.write(live.snapshot()).length());
            System.out.printf(Locale.ROOT, "  epoch event to the next epoch's first batch (incl. one batch): %.2f s%n", betweenEpochs);
        }
    }
}
