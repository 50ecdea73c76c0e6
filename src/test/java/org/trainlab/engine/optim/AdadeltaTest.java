package org.trainlab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainlab.engine.NativeRuntime;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.OptimizerSettings;
import org.trainlab.experiment.settings.RegularizationKind;
import org.trainlab.experiment.settings.RegularizationSettings;

/** Adadelta against torch.optim.Adadelta's update rule: worked by hand, and run in torch when it is installed. */
class AdadeltaTest {

    /** Debian's python3-torch lives with the system Python (as in PyTorchExportTest). */
    private static final String PYTHON = "/usr/bin/python3";
    private static final double RHO = 0.9, EPS = 1e-6;
    private static final RegularizationSettings NO_DECAY = new RegularizationSettings(RegularizationKind.NONE, 0);

    @BeforeAll
    static void load() {
        NativeRuntime.ensureLoaded();
    }

    private static Optimizer adadelta(double lr, long params) {
        OptimizerSettings s = new OptimizerSettings(OptimizerKind.ADADELTA, lr, 0.9, 0.9, 0.999, EPS, RHO);
        return new Optimizer(s, NO_DECAY, params, params);
    }

    /**
     * One weight w = 1, gradients 0.5 then -0.25, rho 0.9, eps 1e-6, lr 1:
     * step 1: v = 0.1 * 0.25 = 0.025; delta = sqrt(0 + 1e-6) / sqrt(0.025 + 1e-6) * 0.5 = 0.00316221;
     *         u = 0.1 * delta^2 = 9.9996e-7; w = 1 - delta = 0.99683779.
     * step 2: v = 0.9 * 0.025 + 0.1 * 0.0625 = 0.02875; delta = sqrt(u + 1e-6) / sqrt(0.02875 + 1e-6) * -0.25
     *         = -0.00208509; w = 0.99683779 + 0.00208509 = 0.99892287.
     */
    @Test
    void twoStepsByHand() {
        try (Optimizer opt = adadelta(1.0, 1)) {
            INDArray w = Nd4j.createFromArray(1.0f);
            opt.step(w, Nd4j.createFromArray(0.5f), 1.0);
            assertEquals(0.99683779, w.getDouble(0), 1e-6);
            opt.step(w, Nd4j.createFromArray(-0.25f), 1.0);
            assertEquals(0.99892287, w.getDouble(0), 1e-6);
        }
    }

    @Test
    void theDefaultsArePyTorchs() {
        OptimizerSettings d = Defaults.optimizer(OptimizerKind.ADADELTA);
        assertEquals(1.0, d.learningRate());
        assertEquals(0.9, d.rmsDecay());
        assertEquals(1e-6, d.epsilon());
    }

    /** Five steps of changing gradients on four parameters, here and in torch.optim.Adadelta. */
    @Test
    void fiveStepsAsTorchTakesThem() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no system python3");
        String script = String.join("\n",
                "import torch",
                "p = torch.tensor([1.0, -2.0, 0.5, 3.0], dtype=torch.float64, requires_grad=True)",
                "opt = torch.optim.Adadelta([p], lr=0.5, rho=" + RHO + ", eps=" + EPS + ")",
                "for t in range(1, 6):",
                "    p.grad = torch.tensor([0.5 * t, -0.25, 1.0 / t, 0.0], dtype=torch.float64)",
                "    opt.step()",
                "print(' '.join(repr(x) for x in p.tolist()))");
        Process python = new ProcessBuilder(PYTHON, "-c", script).redirectErrorStream(true).start();
        boolean done = python.waitFor(120, TimeUnit.SECONDS);
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(done && python.exitValue() == 0, () -> "torch is not installed: " + out);
        double[] torch = Arrays.stream(out.split(" ")).mapToDouble(Double::parseDouble).toArray();

        try (Optimizer opt = adadelta(0.5, 4)) {
            INDArray p = Nd4j.createFromArray(1.0f, -2.0f, 0.5f, 3.0f);
            for (int t = 1; t <= 5; t++) {
                opt.step(p, Nd4j.createFromArray(0.5f * t, -0.25f, 1.0f / t, 0.0f), 0.5);
            }
            assertArrayEquals(torch, p.toDoubleVector(), 1e-6);
        }
    }
}
