package org.trainlab.engine.nn;

import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.InitSettings;

import java.util.SplittableRandom;

/** §3 weight initialization with PyTorch's definitions of fan-in and fan-out. */
public record WeightInit(InitKind kind, double sigma) {

    public static WeightInit of(InitSettings settings) {
        return new WeightInit(settings.kind(), settings.sigma());
    }

    /** The standard deviation the scheme aims for, given the layer's fans. */
    public double std(long fanIn, long fanOut) {
        return switch (kind) {
            case NORMAL -> sigma;
            case XAVIER_NORMAL, XAVIER_UNIFORM -> Math.sqrt(2.0 / (fanIn + fanOut));
            case HE_NORMAL, HE_UNIFORM -> Math.sqrt(2.0 / fanIn);
        };
    }

    float[] sample(int count, long fanIn, long fanOut, SplittableRandom random) {
        double std = std(fanIn, fanOut);
        boolean uniform = kind == InitKind.XAVIER_UNIFORM || kind == InitKind.HE_UNIFORM;
        double bound = Math.sqrt(3.0) * std; // U(-a, a) has std a / sqrt(3)
        float[] w = new float[count];
        for (int i = 0; i < count; i++) {
            w[i] = (float) (uniform ? (2 * random.nextDouble() - 1) * bound : random.nextGaussian() * std);
        }
        return w;
    }
}
