package org.trainlab.engine;

import org.trainlab.experiment.settings.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainlab.engine.nn.Ops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainlab.data.Augmenter;
import org.trainlab.data.CancelToken;
import org.trainlab.data.Dataset;
import org.trainlab.data.DatasetLoader;
import org.trainlab.data.DatasetSplit;
import org.trainlab.data.NormalizationStats;
import org.trainlab.engine.nn.Architectures;
import org.trainlab.engine.nn.Layer;
import org.trainlab.engine.nn.Network;
import org.trainlab.engine.nn.WeightInit;
import org.trainlab.engine.optim.Optimizer;
import org.trainlab.engine.probe.EpochProbe;
import org.trainlab.engine.probe.TrainedNetworks;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.record.Provenance;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;
import org.trainlab.experiment.validation.SettingsValidator;
import org.trainlab.experiment.schedule.LrScheduler;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One training run from settings to finished epochs, on the thread that calls {@link #run()}.
 * The network, its native buffers and every random stream belong to that thread; other threads only
 * {@link #pause()}, {@link #resume()} and {@link #stop()} it, which take effect between batches.
 *
 * <p>Reproducibility: the initial weights, the batch order of each epoch, dropout masks and
 * augmentation are pure functions of the seed (and epoch, batch, layer), so the same settings and
 * seed give the same metrics.
 *
 * <p>The tutorial's techniques here: §5 normalization and §2 augmentation of each training batch
 * ({@code data.NormalizationStats}, {@code data.Augmenter}), the §4 schedule stepped after each epoch
 * ({@code experiment.schedule}); §1 weight decay and §6 the optimizer in {@code engine.optim.Optimizer};
 * §3 initialization, §7 batch norm and §8 dropout in {@code engine.nn}.
 */
public final class TrainingRun {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    /** Loads the digits a run asks for; tests pass prepared splits. */
    @FunctionalInterface
    public interface DataSource {
        DatasetSplit load(DataSettings settings, TrainingListener listener, CancelToken cancel) throws IOException;

        DataSource DEFAULT = (settings, listener, cancel) -> DatasetLoader.load(settings, listener::onDownload, cancel);
    }

    private final ExperimentSettings settings;
    private final DataSource dataSource;
    private final TrainingListener listener;
    private long startNanos, pausedNanos; // the run's thread only: elapsed wall time, pauses left out
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition resumed = lock.newCondition();
    private volatile boolean stopRequested;
    private volatile boolean pauseRequested;
    private volatile RunState state = RunState.QUEUED;
    private volatile boolean probes = true;

    public TrainingRun(ExperimentSettings settings, DataSource dataSource, TrainingListener listener) {
        this.settings = SettingsValidator.validateOrThrow(settings);
        this.dataSource = dataSource;
        this.listener = listener == null ? TrainingListener.NONE : listener;
    }

    public ExperimentSettings settings() {
        return settings;
    }

    public RunState state() {
        return state;
    }

    /**
     * Whether to measure the inside figures ({@link TrainingListener#onInside}) at each epoch's end; on by
     * default. Set before {@link #run()}. Weights ({@link TrainingListener#onWeights}) are sent either way.
     */
    public void setProbes(boolean probes) {
        this.probes = probes;
    }

    /** Pauses before the next batch. */
    public void pause() {
        pauseRequested = true;
    }

    public void resume() {
        lock.lock();
        try {
            pauseRequested = false;
            resumed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the run after the current batch; finished epochs stay reported. */
    public void stop() {
        lock.lock();
        try {
            stopRequested = true;
            resumed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Trains to the end, or until stopped, diverged or failed; returns the final state. */
    public RunState run() {
        if (stopRequested) {
            setState(RunState.STOPPED, StateNote.of("run.note.cancelled"));
            return state;
        }
        startNanos = System.nanoTime();
        try {
            setState(RunState.PREPARING, null);
            DatasetSplit data = dataSource.load(settings.data(), listener, () -> stopRequested);
            if (stopRequested) {
                setState(RunState.STOPPED, StateNote.of("run.note.stoppedBeforeTraining"));
                return state;
            }
            // from here on this thread uses native code: the exit waits for it at a batch boundary
            try (NativeGate.Pass pass = NativeGate.process().enter()) {
                NativeRuntime.Info runtime = NativeRuntime.ensureLoaded();
                NativeRuntime.applyThreadLimit();
                return train(data, runtime, pass);
            }
        } catch (IOException e) {
            return fail(StateNote.of("run.note.error", e.getMessage()), e);
        } catch (OutOfMemoryError e) {
            return fail(StateNote.of("run.note.outOfMemory"), e);
        } catch (RuntimeException e) {
            return fail(StateNote.of("run.note.error", e.getClass().getSimpleName() + ": " + e.getMessage()), e);
        }
    }

    private RunState fail(StateNote why, Throwable cause) {
        log.warn("run '{}' failed: {}", settings.name(), why.english(), cause);
        setState(RunState.FAILED, why);
        return state;
    }

    private RunState train(DatasetSplit data, NativeRuntime.Info runtime, NativeGate.Pass pass) {
        Dataset train = data.train();
        Dataset test = data.test();
        long seed = settings.training().seed();
        int batchSize = Math.min(settings.training().batchSize(), train.size());
        int batches = (train.size() + batchSize - 1) / batchSize;
        NormalizationStats norm = NormalizationStats.resolve(settings.normalization().kind(), train);
        Augmenter augmenter = new Augmenter(settings.augmentation(), train.rows());

        try (Network net = Architectures.build(settings.model());
             Optimizer optimizer = new Optimizer(settings.optimizer(), settings.regularization(), net.paramCount(), net.weightCount());
             Inputs inputs = new Inputs(train.rows(), train.cols(), norm);
             EpochProbe probe = probes ? new EpochProbe(net, test, norm, batchSize) : null) {
            net.initialize(WeightInit.of(settings.init()), seed);
            LrScheduler scheduler = LrScheduler.create(settings.scheduler(), settings.optimizer().learningRate());
            listener.onPrepared(new RunInfo(train.size(), test.size(), batches, norm.mean(), norm.std(),
                    net.paramCount(), describe(net), provenance(runtime)));
            setState(RunState.RUNNING, null);

            long iteration = 0;
            int[] order = identity(train.size());
            for (int epoch = 1; epoch <= settings.training().epochs(); epoch++) {
                double lr = scheduler.currentLr();
                shuffle(order, new SplittableRandom(mix(seed, epoch)));
                double lossSum = 0;
                long correct = 0;
                long epochStart = System.nanoTime();
                long pausedInEpoch = 0;
                for (int b = 0; b < batches; b++) {
                    pass.checkpoint();
                    long pausedFor = pass.outside(this::awaitIfPaused);
                    pausedInEpoch += pausedFor;
                    if (stopRequested) {
                        setState(RunState.STOPPED, StateNote.of("run.note.stoppedByUser", epoch, b + 1));
                        return state;
                    }
                    int from = b * batchSize;
                    int count = Math.min(batchSize, train.size() - from);
                    iteration++;
                    INDArray x = inputs.fill(train, order, from, count, augmenter, seed, Augmenter.batchKey(epoch, b));
                    Network.BatchResult result = net.trainStep(x, inputs.labels, new Layer.StepKey(seed, iteration));
                    double elapsed = (System.nanoTime() - startNanos - pausedNanos) / 1e9;
                    listener.onBatch(new BatchMetrics(epoch, b + 1, batches, iteration, result.loss(), lr, elapsed));
                    if (!Double.isFinite(result.loss())) {
                        // the loss as Java writes it ("NaN", "Infinity"): no language has a better word for it
                        setState(RunState.DIVERGED, StateNote.of("run.note.diverged", String.valueOf(result.loss()),
                                iteration, epoch, b + 1));
                        return state;
                    }
                    if (probe != null && b == batches - 1) {
                        probe.beforeLastStep();
                    }
                    optimizer.step(net.params(), net.grads(), lr);
                    lossSum += result.loss() * count;
                    correct += result.correct();
                }
                long epochNanos = System.nanoTime() - epochStart - pausedInEpoch;
                Network.BatchResult held = evaluate(net, test, inputs, evaluationChunk(test.size(), batchSize), probe);
                scheduler.step(held.loss());
                double weightNorm = Ops.norm2(net.weights());
                emitInside(probe, net, epoch, norm);
                NativeMemory.trim(); // what the epoch's arrays freed goes back to the system
                emit(new EpochMetrics(epoch, iteration, lossSum / train.size(), (double) correct / train.size(),
                        held.loss(), (double) held.correct() / held.count(), lr, scheduler.currentLr(), weightNorm,
                        train.size() / (epochNanos / 1e9), (System.nanoTime() - startNanos - pausedNanos) / 1e9));
                if (!Double.isFinite(held.loss()) || !Double.isFinite(weightNorm)) {
                    setState(RunState.DIVERGED, StateNote.of("run.note.divergedHeldOut", String.valueOf(held.loss()), epoch));
                    return state;
                }
            }
            setState(RunState.COMPLETED, null);
            return state;
        }
    }

    /**
     * Held-out loss and accuracy in inference mode (running batch-norm statistics, no dropout), in
     * chunks of the training batch size, so evaluation reuses the arrays training made. The probe, when
     * not null, gets the class probabilities of the same pass.
     */
    static Network.BatchResult evaluate(Network net, Dataset test, Inputs inputs, int chunk, EpochProbe probe) {
        double lossSum = 0;
        int correct = 0;
        int[] order = identity(test.size());
        for (int from = 0; from < test.size(); from += chunk) {
            int count = Math.min(chunk, test.size() - from);
            INDArray x = inputs.fill(test, order, from, count, null, 0, 0);
            double[] probabilities = probe == null ? null : new double[count * net.classes()];
            Network.BatchResult r = net.evaluate(x, inputs.labels, probabilities);
            if (probe != null) {
                probe.heldOut(from, inputs.labels, count, probabilities);
            }
            lossSum += r.loss() * count;
            correct += r.correct();
        }
        return new Network.BatchResult(lossSum / test.size(), correct, test.size());
    }

    /** The epoch's inside figures (when probing) and weights, each on its own: a failure of one loses only it. */
    private void emitInside(EpochProbe probe, Network net, int epoch, NormalizationStats norm) {
        try {
            if (probe != null) {
                listener.onInside(probe.finish(epoch));
            }
        } catch (RuntimeException e) {
            log.warn("inside probe or its listener failed", e);
        }
        try {
            listener.onWeights(TrainedNetworks.snapshot(net, settings.model(), epoch, norm));
        } catch (RuntimeException e) {
            log.warn("weights listener failed", e);
        }
    }

    private void emit(EpochMetrics metrics) {
        try {
            listener.onEpoch(metrics);
        } catch (RuntimeException e) {
            log.warn("epoch listener failed", e);
        }
    }

    /** Blocks while paused; returns how long, in nanoseconds. */
    private long awaitIfPaused() {
        if (!pauseRequested || stopRequested) {
            return 0;
        }
        long start = System.nanoTime();
        setState(RunState.PAUSED, null);
        lock.lock();
        try {
            while (pauseRequested && !stopRequested) {
                resumed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        if (!stopRequested) {
            setState(RunState.RUNNING, null);
        }
        pausedNanos += System.nanoTime() - start;
        return System.nanoTime() - start;
    }

    private void setState(RunState next, StateNote why) {
        state = next;
        try {
            listener.onStateChanged(next, why);
        } catch (RuntimeException e) {
            log.warn("state listener failed", e);
        }
    }

    private Provenance provenance(NativeRuntime.Info runtime) {
        return Provenance.ofThisMachine(settings.training().seed(), Versions.TRAINLAB, runtime.summary(), Versions.libraries());
    }

    private static String describe(Network net) {
        StringBuilder sb = new StringBuilder();
        for (Layer layer : net.layers()) {
            sb.append(layer).append('\n');
        }
        return sb.toString().strip();
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static long mix(long seed, long salt) {
        return Seeds.salted(seed, salt);
    }

    /** Images per held-out chunk: up to {@link #EVALUATION_CHUNK_MAX}, never fewer than a training batch. */
    static final int EVALUATION_CHUNK_MAX = Math.max(1, Integer.getInteger("trainlab.evaluation.chunk", 128));

    /**
     * The held-out set in equal chunks of at most {@link #EVALUATION_CHUNK_MAX} images (2,000 in 16 of 125):
     * inference runs faster per image in larger batches than in the training batch of 32, and equal chunks
     * need one set of arrays, not a second for a short last chunk. Chunks of 125 evaluate as fast as chunks
     * of 250 and need half the memory (docs/performance.md, "Fifth pass"; {@code -Dtrainlab.evaluation.chunk=N} sets
     * another limit, for measuring).
     */
    static int evaluationChunk(int testSize, int batchSize) {
        int max = Math.max(batchSize, EVALUATION_CHUNK_MAX);
        int chunks = Math.max(1, (testSize + max - 1) / max);
        return Math.max(1, (testSize + chunks - 1) / chunks);
    }

    /** Turns dataset images into normalized NHWC input arrays, reusing one array per batch size. */
    static final class Inputs implements AutoCloseable {
        private final int rows, cols;
        private final NormalizationStats norm;
        private final Map<Integer, INDArray> arrays = new HashMap<>();
        private float[] pixels = new float[0];
        int[] labels = new int[0];

        Inputs(int rows, int cols, NormalizationStats norm) {
            this.rows = rows;
            this.cols = cols;
            this.norm = norm;
        }

        INDArray fill(Dataset data, int[] order, int from, int count, Augmenter augmenter, long seed, long batchKey) {
            int size = rows * cols;
            if (pixels.length != count * size) {
                pixels = new float[count * size];
                labels = new int[count];
            }
            for (int i = 0; i < count; i++) {
                int index = order[from + i];
                data.copyImageAsFloat(index, pixels, i * size);
                labels[i] = data.label(index);
            }
            if (augmenter != null && !augmenter.isIdentity()) {
                augmenter.augmentBatch(pixels, 0, count, seed, batchKey);
            }
            norm.apply(pixels, 0, pixels.length);
            INDArray x = arrays.computeIfAbsent(count, n -> Nd4j.createUninitialized(DataType.FLOAT, n, rows, cols, 1));
            x.data().setData(pixels);
            return x;
        }

        @Override
        public void close() {
            arrays.values().forEach(INDArray::close);
            arrays.clear();
        }
    }
}
