package org.trainlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.trainlab.engine.NativeRuntime;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.OptimizerKind;

/** Adadelta reaches both exports through its descriptor alone. */
class AdadeltaExportTest {

    private static final ExperimentSettings ADADELTA = Defaults.settings().withName("Adadelta")
            .withOptimizer(Defaults.optimizer(OptimizerKind.ADADELTA));

    @BeforeAll
    static void load() {
        NativeRuntime.ensureLoaded();
    }

    @Test
    void pyTorchGetsTorchOptimAdadelta() {
        String code = PyTorchExport.code(ADADELTA, Path.of("/data/digits"));
        assertTrue(code.contains("learning_rate = 1.0"), code);
        assertTrue(code.contains("optimizer = torch.optim.Adadelta(model.parameters(), lr=learning_rate, rho=0.9, eps=1e-6)"), code);
    }

    @Test
    void dl4jGetsAdaDeltaAndCompiles() throws Exception {
        String code = Dl4jExport.code(ADADELTA, "AdadeltaNetwork");
        assertTrue(code.contains("import org.nd4j.linalg.learning.config.AdaDelta;"), code);
        assertTrue(code.contains("// DL4J's AdaDelta has no learning rate"), code);
        MultiLayerConfiguration conf = (MultiLayerConfiguration) Dl4jExportTest.compile("AdadeltaNetwork", code)
                .getMethod("configuration").invoke(null);
        AdaDelta updater = (AdaDelta) ((BaseLayer) conf.getConf(0).getLayer()).getIUpdater();
        assertEquals(0.9, updater.getRho(), 1e-12);
        assertEquals(1e-6, updater.getEpsilon(), 1e-18);
    }
}
