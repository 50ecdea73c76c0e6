package org.trainlab.experiment.settings;

import static org.trainlab.experiment.settings.OptimizerDescriptor.describe;
import static org.trainlab.experiment.settings.OptimizerParam.BETA1;
import static org.trainlab.experiment.settings.OptimizerParam.BETA2;
import static org.trainlab.experiment.settings.OptimizerParam.EPSILON;
import static org.trainlab.experiment.settings.OptimizerParam.RMS_DECAY;

/**
 * §6 gradient-descent variants, each with its {@link OptimizerDescriptor}: the one place that says
 * what a kind reads, with PyTorch's defaults. Adding a kind means adding it here, its update rule in
 * {@code engine.optim.Optimizer}, and its name and hint in the message bundles.
 */
public enum OptimizerKind {
    SGD(describe("SGD", 0.01)
            .torch("torch.optim.SGD", "")
            .dl4j("Sgd", "new Sgd({lr})", "")),
    MOMENTUM(describe("Momentum", 0.01)
            .param(OptimizerParam.MOMENTUM, 0.9, Range.atLeastBelow(0, 1)).main()
            .torch("torch.optim.SGD", "momentum={momentum}")
            .dl4j("Nesterovs", "new Nesterovs.Builder(){rate}.momentum({momentum}).build()",
                    "DL4J has no classic (heavy-ball) momentum; Nesterov momentum is the closest")),
    NESTEROV(describe("Nesterov", 0.01)
            .param(OptimizerParam.MOMENTUM, 0.9, Range.open(0, 1), OptimizerParam.MOMENTUM.field(), " (Nesterov needs some momentum)", true)
            .torch("torch.optim.SGD", "momentum={momentum}, nesterov=True")
            .dl4j("Nesterovs", "new Nesterovs.Builder(){rate}.momentum({momentum}).build()", "")),
    ADAGRAD(describe("AdaGrad", 0.01)
            .param(EPSILON, 1e-10, Range.aboveAtMost(0, 1))
            .torch("torch.optim.Adagrad", "eps={epsilon}")
            .dl4j("AdaGrad", "new AdaGrad.Builder(){rate}.epsilon({epsilon}).build()", "")),
    RMSPROP(describe("RMSprop", 0.01)
            .param(RMS_DECAY, 0.99, Range.atLeastBelow(0, 1)).main()
            .param(EPSILON, 1e-8, Range.aboveAtMost(0, 1))
            .torch("torch.optim.RMSprop", "alpha={rmsDecay}, eps={epsilon}")
            .dl4j("RmsProp", "new RmsProp.Builder(){rate}.rmsDecay({rmsDecay}).epsilon({epsilon}).build()", "")),
    ADAM(describe("Adam", 1e-3)
            .param(BETA1, 0.9, Range.atLeastBelow(0, 1))
            .param(BETA2, 0.999, Range.atLeastBelow(0, 1))
            .param(EPSILON, 1e-8, Range.aboveAtMost(0, 1))
            .torch("torch.optim.Adam", "betas=({beta1}, {beta2}), eps={epsilon}")
            .dl4j("Adam", "new Adam.Builder(){rate}.beta1({beta1}).beta2({beta2}).epsilon({epsilon}).build()", "")),
    /** Adam with decoupled weight decay; takes its decay from the regularization settings. */
    ADAMW(describe("AdamW", 1e-3)
            .param(BETA1, 0.9, Range.atLeastBelow(0, 1))
            .param(BETA2, 0.999, Range.atLeastBelow(0, 1))
            .param(EPSILON, 1e-8, Range.aboveAtMost(0, 1))
            .torch("torch.optim.AdamW", "betas=({beta1}, {beta2}), eps={epsilon}")
            .dl4j("Adam", "new Adam.Builder(){rate}.beta1({beta1}).beta2({beta2}).epsilon({epsilon}).build()", "")),
    /** Steps scaled by running averages of squared gradients and squared updates (torch.optim.Adadelta). */
    ADADELTA(describe("Adadelta", 1.0)
            .param(RMS_DECAY, 0.9, Range.atLeastBelow(0, 1), "optimizer.rho", "", true)
            .param(EPSILON, 1e-6, Range.aboveAtMost(0, 1))
            .torch("torch.optim.Adadelta", "rho={rmsDecay}, eps={epsilon}")
            .dl4j("AdaDelta", "new AdaDelta.Builder().rho({rmsDecay}).epsilon({epsilon}).build()",
                    "DL4J's AdaDelta has no learning rate: it steps as PyTorch's Adadelta with lr=1.0"));

    private final OptimizerDescriptor descriptor;

    OptimizerKind(OptimizerDescriptor.Builder descriptor) {
        this.descriptor = descriptor.build();
    }

    public OptimizerDescriptor descriptor() {
        return descriptor;
    }
}
