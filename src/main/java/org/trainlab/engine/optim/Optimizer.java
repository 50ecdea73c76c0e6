package org.trainlab.engine.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.trainlab.engine.nn.Ops;
import org.trainlab.experiment.settings.OptimizerSettings;
import org.trainlab.experiment.settings.RegularizationSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.trainlab.experiment.settings.OptimizerKind;

/**
 * §6 optimizers and §1 weight decay, with PyTorch's update rules (torch.optim), acting in place on a
 * flat parameter vector whose first {@code weightCount} entries are the weights.
 *
 * <ul>
 *   <li>L2 adds strength * w to the weights' gradient before the update (SGD's weight_decay);</li>
 *   <li>L1 adds strength * sign(w);</li>
 *   <li>decoupled decay multiplies the weights by (1 - lr * strength) before the update (AdamW);
 *       ADAMW is Adam whose decay comes from the regularization settings.</li>
 * </ul>
 * Biases and batch-norm parameters are never decayed.
 */
public final class Optimizer implements AutoCloseable {

    private final OptimizerSettings settings;
    private final RegularizationSettings regularization;
    private final long weightCount;
    private final INDArray first, second, scratch;
    private long step;

    public Optimizer(OptimizerSettings settings, RegularizationSettings regularization, long paramCount, long weightCount) {
        this.settings = settings;
        this.regularization = regularization;
        this.weightCount = weightCount;
        boolean needsFirst = switch (settings.kind()) {
            case MOMENTUM, NESTEROV, ADADELTA, ADAM, ADAMW -> true;
            default -> false;
        };
        boolean needsSecond = switch (settings.kind()) {
            case ADAGRAD, RMSPROP, ADADELTA, ADAM, ADAMW -> true;
            default -> false;
        };
        first = needsFirst ? zeros(paramCount) : null;
        second = needsSecond ? zeros(paramCount) : null;
        scratch = zeros(paramCount);
    }

    private static INDArray zeros(long n) {
        return Nd4j.zeros(DataType.FLOAT, n);
    }

    /** Updates {@code params} in place from {@code grads} (which it may overwrite) at learning rate lr. */
    public void step(INDArray params, INDArray grads, double lr) {
        step++;
        INDArray w = weightCount == params.length() ? params : params.get(NDArrayIndex.interval(0, weightCount));
        INDArray gw = weightCount == grads.length() ? grads : grads.get(NDArrayIndex.interval(0, weightCount));
        double strength = regularization.strength();
        if (strength > 0) {
            switch (regularization.kind()) {
                case L2 -> Nd4j.getBlasWrapper().level1().axpy(gw.length(), strength, w, gw);
                case L1 -> Ops.addi(gw, Ops.muli(Ops.sign(w, scratchFor(w)), strength));
                case DECOUPLED -> Ops.muli(w, 1 - lr * strength);
                case NONE -> { }
            }
        }
        switch (settings.kind()) {
            case SGD -> Ops.subi(params, Ops.muli(grads, lr));
            case MOMENTUM, NESTEROV -> momentum(params, grads, lr);
            case ADAGRAD -> {
                Ops.addi(second, Ops.muli(scratch.assign(grads), grads));
                divideBySqrtPlusEps(grads, second, settings.epsilon());
                Ops.subi(params, Ops.muli(grads, lr));
            }
            case RMSPROP -> {
                double a = settings.rmsDecay();
                Ops.addi(Ops.muli(second, a), Ops.muli(Ops.muli(scratch.assign(grads), grads), 1 - a));
                divideBySqrtPlusEps(grads, second, settings.epsilon());
                Ops.subi(params, Ops.muli(grads, lr));
            }
            case ADADELTA -> adadelta(params, grads, lr);
            case ADAM, ADAMW -> adam(params, grads, lr);
        }
    }

    /**
     * torch.optim.Adadelta: v = rho v + (1 - rho) g^2; delta = sqrt(u + eps) / sqrt(v + eps) * g;
     * u = rho u + (1 - rho) delta^2; w -= lr * delta. {@code second} holds v, {@code first} holds u.
     */
    private void adadelta(INDArray params, INDArray grads, double lr) {
        double rho = settings.rmsDecay(), eps = settings.epsilon();
        Ops.addi(Ops.muli(second, rho), Ops.muli(Ops.muli(scratch.assign(grads), grads), 1 - rho));
        Ops.muli(grads, Ops.sqrti(Ops.addi(scratch.assign(first), eps)));
        Ops.divi(grads, Ops.sqrti(Ops.addi(scratch.assign(second), eps)));
        Ops.addi(Ops.muli(first, rho), Ops.muli(Ops.muli(scratch.assign(grads), grads), 1 - rho));
        Ops.subi(params, Ops.muli(grads, lr));
    }

    private void momentum(INDArray params, INDArray grads, double lr) {
        double mu = settings.momentum();
        if (step == 1) {
            first.assign(grads); // PyTorch starts the buffer at the first gradient
        } else {
            Ops.addi(Ops.muli(first, mu), grads);
        }
        if (settings.kind() == OptimizerKind.NESTEROV) {
            Ops.addi(grads, Ops.muli(scratch.assign(first), mu));
            Ops.subi(params, Ops.muli(grads, lr));
        } else {
            Ops.subi(params, Ops.muli(scratch.assign(first), lr));
        }
    }

    /**
     * libnd4j's fused Adam kernel (one pass instead of a dozen) computes
     * lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps'); with eps' = eps * sqrt(1 - b2^t) that is
     * exactly PyTorch's lr / (1 - b1^t) * m / (sqrt(v / (1 - b2^t)) + eps).
     */
    private void adam(INDArray params, INDArray grads, double lr) {
        double b1 = settings.beta1(), b2 = settings.beta2();
        double epsilon = settings.epsilon() * Math.sqrt(1 - Math.pow(b2, step));
        // in place: the gradient becomes the update, the moments are updated where they are
        Ops.run(new AdamUpdater(grads, second, first, lr, b1, b2, epsilon, (int) (step - 1)));
        Ops.subi(params, grads);
    }

    /** The part of {@code scratch} as long as the weights {@code w}. */
    private INDArray scratchFor(INDArray w) {
        return w.length() == scratch.length() ? scratch : scratch.get(NDArrayIndex.interval(0, w.length()));
    }

    /** target /= sqrt(acc) + eps, using {@code scratch}. */
    private void divideBySqrtPlusEps(INDArray target, INDArray acc, double eps) {
        scratch.assign(acc);
        Ops.addi(Ops.sqrti(scratch), eps);
        Ops.divi(target, scratch);
    }

    @Override
    public void close() {
        for (INDArray a : new INDArray[] {first, second, scratch}) {
            if (a != null) {
                a.close();
            }
        }
    }
}
