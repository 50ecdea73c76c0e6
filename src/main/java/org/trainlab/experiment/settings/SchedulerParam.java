package org.trainlab.experiment.settings;

import java.util.function.Function;

/**
 * The parameters a {@link SchedulerSettings} holds, each with the range it must lie in (null where
 * the validator checks it otherwise: the milestones' order, the modes' presence). Which kinds read
 * which is said by {@link SchedulerKind}.
 */
public enum SchedulerParam {
    STEP_SIZE("scheduler.stepSize", SchedulerSettings::stepSize, Range.atLeast(1)),
    MILESTONES("scheduler.milestones", SchedulerSettings::milestones, null),
    GAMMA("scheduler.gamma", SchedulerSettings::gamma, Range.aboveAtMost(0, 1)),
    PLATEAU_MODE("scheduler.plateauMode", SchedulerSettings::plateauMode, null),
    FACTOR("scheduler.factor", SchedulerSettings::factor, Range.open(0, 1)),
    PATIENCE("scheduler.patience", SchedulerSettings::patience, Range.atLeast(0)),
    THRESHOLD("scheduler.threshold", SchedulerSettings::threshold, Range.atLeast(0)),
    THRESHOLD_MODE("scheduler.thresholdMode", SchedulerSettings::thresholdMode, null),
    COOLDOWN("scheduler.cooldown", SchedulerSettings::cooldown, Range.atLeast(0)),
    MIN_LR("scheduler.minLr", SchedulerSettings::minLr, Range.atLeast(0)),
    T_MAX("scheduler.tMax", SchedulerSettings::tMax, Range.atLeast(1)),
    ETA_MIN("scheduler.etaMin", SchedulerSettings::etaMin, Range.atLeast(0)),
    WARMUP_EPOCHS("scheduler.warmupEpochs", SchedulerSettings::warmupEpochs, Range.atLeast(1)),
    WARMUP_START_FACTOR("scheduler.warmupStartFactor", SchedulerSettings::warmupStartFactor, Range.aboveAtMost(0, 1));

    private final String field;
    private final Function<SchedulerSettings, Object> getter;
    private final Range range;

    SchedulerParam(String field, Function<SchedulerSettings, Object> getter, Range range) {
        this.field = field;
        this.getter = getter;
        this.range = range;
    }

    /** The dotted settings path, as the validator and the JSON name it. */
    public String field() {
        return field;
    }

    /** The value: an Integer, a Double, the milestones' list or a mode. */
    public Object get(SchedulerSettings settings) {
        return getter.apply(settings);
    }

    /** The allowed numbers, or null when the parameter is not a number checked by range. */
    public Range range() {
        return range;
    }
}
