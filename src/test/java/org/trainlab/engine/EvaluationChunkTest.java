package org.trainlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.trainlab.data.DatasetLoader;
import org.trainlab.data.DatasetSplit;
import org.trainlab.data.NormalizationStats;
import org.trainlab.engine.nn.Architectures;
import org.trainlab.engine.nn.Network;
import org.trainlab.engine.nn.WeightInit;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;

/** Held-out evaluation in large chunks gives what evaluation in training-sized batches gave. */
class EvaluationChunkTest {

    @Test
    void theHeldOutSetIsSplitIntoEqualChunksOfAtMost128OrABatch() {
        assertEquals(125, TrainingRun.evaluationChunk(2000, 32)); // 16 chunks
        assertEquals(100, TrainingRun.evaluationChunk(300, 64)); // 3 chunks
        assertEquals(500, TrainingRun.evaluationChunk(2000, 512)); // never below the training batch
        assertEquals(7, TrainingRun.evaluationChunk(7, 32));
    }

    @Test
    void largeChunksGiveTheSameLossAndAccuracyAsTrainingSizedOnes() throws Exception {
        DatasetSplit data = DatasetLoader.load(new DataSettings(DatasetSource.BUNDLED_DIGITS, null, 100), (f, d, t) -> { }, () -> false);
        NormalizationStats norm = NormalizationStats.FIXED_MNIST;
        NativeRuntime.ensureLoaded();
        // batch norm and dropout in the model: inference mode must use running statistics and no masks
        try (Network net = Architectures.build(new ModelSettings(ModelKind.CNN, true, 0.3));
             TrainingRun.Inputs inputs = new TrainingRun.Inputs(data.test().rows(), data.test().cols(), norm)) {
            net.initialize(WeightInit.of(Defaults.settings().init()), 11);
            Network.BatchResult small = TrainingRun.evaluate(net, data.test(), inputs, 32, null);
            Network.BatchResult large = TrainingRun.evaluate(net, data.test(), inputs, TrainingRun.evaluationChunk(data.test().size(), 32), null);
            assertEquals(small.count(), large.count());
            assertEquals(small.correct(), large.correct());
            // each image's logits are the same function of its pixels; only float summation order may differ
            assertEquals(small.loss(), large.loss(), 1e-6 * Math.abs(small.loss()));
        }
    }
}
