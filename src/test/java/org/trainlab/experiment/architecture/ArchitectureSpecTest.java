package org.trainlab.experiment.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.architecture.LayerSpec.BatchNorm;
import org.trainlab.experiment.architecture.LayerSpec.Conv;
import org.trainlab.experiment.architecture.LayerSpec.Dense;
import org.trainlab.experiment.architecture.LayerSpec.Dropout;
import org.trainlab.experiment.architecture.LayerSpec.Flatten;
import org.trainlab.experiment.architecture.LayerSpec.MaxPool;
import org.trainlab.experiment.architecture.LayerSpec.Relu;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.ModelSettings;

class ArchitectureSpecTest {

    @Test
    void plainMlpIsTwoHiddenLayersAndTheScores() {
        assertEquals(List.of(new Flatten(1, 28, 28), new Dense(784, 128), new Relu(), new Dense(128, 64), new Relu(),
                new Dense(64, 10)), Architecture.of(new ModelSettings(ModelKind.MLP, false, 0)));
    }

    @Test
    void cnnWithBatchNormAndDropoutPutsNormBeforeAndDropoutAfterEachRelu() {
        assertEquals(List.of(
                new Conv(1, 16, 3), new BatchNorm(16, true), new Relu(), new Dropout(0.25, true),
                new Conv(16, 32, 3), new BatchNorm(32, true), new Relu(), new Dropout(0.25, true),
                new MaxPool(2),
                new Conv(32, 64, 3), new BatchNorm(64, true), new Relu(), new Dropout(0.25, true),
                new MaxPool(2),
                new Flatten(64, 7, 7),
                new Dense(64 * 7 * 7, 128), new BatchNorm(128, false), new Relu(), new Dropout(0.25, false),
                new Dense(128, 64), new BatchNorm(64, false), new Relu(), new Dropout(0.25, false),
                new Dense(64, 10)), Architecture.of(new ModelSettings(ModelKind.CNN, true, 0.25)));
        assertEquals(1, new Conv(1, 16, 3).padding());
    }
}
