package org.trainlab.engine.optim;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.trainlab.engine.NativeRuntime;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.OptimizerSettings;
import org.trainlab.experiment.settings.RegularizationKind;
import org.trainlab.experiment.settings.RegularizationSettings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** §6 update rules and §1 weight decay against torch.optim's formulas, worked out here in double. */
class OptimizerTest {

    static final double LR = 0.1, MU = 0.9, B1 = 0.9, B2 = 0.999, EPS = 1e-8, ALPHA = 0.99;
    static final RegularizationSettings NO_DECAY = new RegularizationSettings(RegularizationKind.NONE, 0);

    @BeforeAll
    static void load() {
        NativeRuntime.ensureLoaded();
    }

    /** Three steps with changing gradients on 4 parameters (the first 2 are weights). */
    private static double[] run(OptimizerKind kind, RegularizationSettings reg) {
        Optimizer opt = new Optimizer(new OptimizerSettings(kind, LR, MU, B1, B2, EPS, ALPHA), reg, 4, 2);
        INDArray p = Nd4j.createFromArray(1.0f, -2.0f, 0.5f, 3.0f);
        for (int t = 1; t <= 3; t++) {
            INDArray g = Nd4j.createFromArray(grad(t));
            opt.step(p, g, LR);
        }
        return p.toDoubleVector();
    }

    private static float[] grad(int t) {
        return new float[] {0.5f * t, -0.25f, 1.0f / t, 0.0f};
    }

    /** The reference: torch.optim's per-element rules. */
    private static double[] reference(OptimizerKind kind, RegularizationSettings reg) {
        double[] p = {1.0, -2.0, 0.5, 3.0};
        double[] m = new double[4], v = new double[4], u = new double[4];
        for (int t = 1; t <= 3; t++) {
            float[] gf = grad(t);
            for (int i = 0; i < 4; i++) {
                double g = gf[i];
                boolean weight = i < 2;
                if (weight && reg.kind() == RegularizationKind.L2) {
                    g += reg.strength() * p[i];
                }
                if (weight && reg.kind() == RegularizationKind.L1) {
                    g += reg.strength() * Math.signum(p[i]);
                }
                if (weight && reg.kind() == RegularizationKind.DECOUPLED) {
                    p[i] *= 1 - LR * reg.strength();
                }
                switch (kind) {
                    case SGD -> p[i] -= LR * g;
                    case MOMENTUM, NESTEROV -> {
                        m[i] = t == 1 ? g : MU * m[i] + g;
                        p[i] -= LR * (kind == OptimizerKind.NESTEROV ? g + MU * m[i] : m[i]);
                    }
                    case ADAGRAD -> {
                        v[i] += g * g;
                        p[i] -= LR * g / (Math.sqrt(v[i]) + EPS);
                    }
                    case RMSPROP -> {
                        v[i] = ALPHA * v[i] + (1 - ALPHA) * g * g;
                        p[i] -= LR * g / (Math.sqrt(v[i]) + EPS);
                    }
                    case ADADELTA -> {
                        v[i] = ALPHA * v[i] + (1 - ALPHA) * g * g;
                        double delta = Math.sqrt(u[i] + EPS) / Math.sqrt(v[i] + EPS) * g;
                        u[i] = ALPHA * u[i] + (1 - ALPHA) * delta * delta;
                        p[i] -= LR * delta;
                    }
                    case ADAM, ADAMW -> {
                        m[i] = B1 * m[i] + (1 - B1) * g;
                        v[i] = B2 * v[i] + (1 - B2) * g * g;
                        double mHat = m[i] / (1 - Math.pow(B1, t)), vHat = v[i] / (1 - Math.pow(B2, t));
                        p[i] -= LR * mHat / (Math.sqrt(vHat) + EPS);
                    }
                }
            }
        }
        return p;
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void updateRuleMatchesPyTorch(OptimizerKind kind) {
        assertArrayEquals(reference(kind, NO_DECAY), run(kind, NO_DECAY), 1e-5, kind.name());
    }

    @ParameterizedTest
    @EnumSource(value = RegularizationKind.class, names = {"L2", "L1", "DECOUPLED"})
    void weightDecayActsOnWeightsOnly(RegularizationKind reg) {
        RegularizationSettings settings = new RegularizationSettings(reg, 0.05);
        for (OptimizerKind kind : new OptimizerKind[] {OptimizerKind.SGD, OptimizerKind.ADAM}) {
            assertArrayEquals(reference(kind, settings), run(kind, settings), 1e-5, kind + " with " + reg);
        }
    }

    @Test
    void decayShrinksWeightsWhenTheGradientIsZero() {
        for (RegularizationKind reg : new RegularizationKind[] {RegularizationKind.L2, RegularizationKind.DECOUPLED, RegularizationKind.L1}) {
            Optimizer opt = new Optimizer(new OptimizerSettings(OptimizerKind.SGD, LR, 0, B1, B2, EPS, ALPHA),
                    new RegularizationSettings(reg, 0.5), 3, 2);
            INDArray p = Nd4j.createFromArray(2.0f, -4.0f, 1.0f);
            opt.step(p, Nd4j.zeros(DataType.FLOAT, 3), LR);
            double[] expected = reg == RegularizationKind.L1
                    ? new double[] {2 - LR * 0.5, -4 + LR * 0.5, 1.0}
                    : new double[] {2 * (1 - LR * 0.5), -4 * (1 - LR * 0.5), 1.0};
            assertArrayEquals(expected, p.toDoubleVector(), 1e-6, reg.name());
        }
    }
}
