package org.trainlab.experiment.settings;

import static org.trainlab.experiment.settings.SchedulerParam.COOLDOWN;
import static org.trainlab.experiment.settings.SchedulerParam.ETA_MIN;
import static org.trainlab.experiment.settings.SchedulerParam.FACTOR;
import static org.trainlab.experiment.settings.SchedulerParam.GAMMA;
import static org.trainlab.experiment.settings.SchedulerParam.MILESTONES;
import static org.trainlab.experiment.settings.SchedulerParam.MIN_LR;
import static org.trainlab.experiment.settings.SchedulerParam.PATIENCE;
import static org.trainlab.experiment.settings.SchedulerParam.PLATEAU_MODE;
import static org.trainlab.experiment.settings.SchedulerParam.STEP_SIZE;
import static org.trainlab.experiment.settings.SchedulerParam.THRESHOLD;
import static org.trainlab.experiment.settings.SchedulerParam.THRESHOLD_MODE;
import static org.trainlab.experiment.settings.SchedulerParam.T_MAX;
import static org.trainlab.experiment.settings.SchedulerParam.WARMUP_EPOCHS;
import static org.trainlab.experiment.settings.SchedulerParam.WARMUP_START_FACTOR;

import java.util.List;
import java.util.Set;

/**
 * §4 learning-rate schedules, each with its descriptor: PyTorch's class name, the parameters it
 * reads (in the panel's and the validator's order) and those shown with its name when the kind
 * changes. The validator, the settings differences and the panel read these; the schedules
 * themselves are in {@code experiment.schedule}.
 */
public enum SchedulerKind {
    /** Constant learning rate. */
    NONE("none", List.of(), Set.of()),
    /** lr * gamma^(epoch / stepSize) (StepLR). */
    STEP("StepLR", List.of(STEP_SIZE, GAMMA), null),
    /** lr * gamma^(milestones passed) (MultiStepLR). */
    MULTI_STEP("MultiStepLR", List.of(MILESTONES, GAMMA), null),
    /** lr * gamma^epoch (ExponentialLR). */
    EXPONENTIAL("ExponentialLR", List.of(GAMMA), null),
    /** Reduce by factor when the held-out loss stops improving (ReduceLROnPlateau). */
    REDUCE_ON_PLATEAU("ReduceLROnPlateau", List.of(PLATEAU_MODE, FACTOR, PATIENCE, THRESHOLD, THRESHOLD_MODE, COOLDOWN, MIN_LR),
            Set.of(FACTOR, PATIENCE)),
    /** Cosine annealing to etaMin over tMax epochs (CosineAnnealingLR). */
    COSINE("CosineAnnealingLR", List.of(T_MAX, ETA_MIN), null),
    /** Linear warm-up from startFactor to 1 over warmupEpochs (LinearLR). */
    WARMUP("LinearLR", List.of(WARMUP_EPOCHS, WARMUP_START_FACTOR), null);

    private final String torchName;
    private final List<SchedulerParam> params;
    private final Set<SchedulerParam> main;

    /** @param main the parameters shown with the name when the kind changes; null: all it reads */
    SchedulerKind(String torchName, List<SchedulerParam> params, Set<SchedulerParam> main) {
        this.torchName = torchName;
        this.params = params;
        this.main = main == null ? Set.copyOf(params) : main;
    }

    /** PyTorch's class name ("StepLR"), the same in every language; "none" for NONE. */
    public String torchName() {
        return torchName;
    }

    /** The parameters this kind reads, in the panel's order. */
    public List<SchedulerParam> params() {
        return params;
    }

    public boolean reads(SchedulerParam param) {
        return params.contains(param);
    }

    public Set<SchedulerParam> main() {
        return main;
    }
}
