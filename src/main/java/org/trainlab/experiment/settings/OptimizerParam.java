package org.trainlab.experiment.settings;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The numbers an {@link OptimizerSettings} holds, one slot each. A kind reads some of them (its
 * {@link OptimizerKind#descriptor()} says which, with ranges and defaults); a slot may serve several
 * kinds under their own names (the squared-gradient decay is RMSprop's α and Adadelta's ρ).
 */
public enum OptimizerParam {
    LEARNING_RATE("optimizer.learningRate", OptimizerSettings::learningRate),
    MOMENTUM("optimizer.momentum", OptimizerSettings::momentum),
    BETA1("optimizer.beta1", OptimizerSettings::beta1),
    BETA2("optimizer.beta2", OptimizerSettings::beta2),
    EPSILON("optimizer.epsilon", OptimizerSettings::epsilon),
    RMS_DECAY("optimizer.rmsDecay", OptimizerSettings::rmsDecay);

    private final String field;
    private final ToDoubleFunction<OptimizerSettings> getter;

    OptimizerParam(String field, ToDoubleFunction<OptimizerSettings> getter) {
        this.field = field;
        this.getter = getter;
    }

    /** The dotted settings path, as the validator and the JSON name it. */
    public String field() {
        return field;
    }

    /** The record component's name, e.g. {@code rmsDecay}: the placeholder in export templates. */
    public String component() {
        return field.substring(field.indexOf('.') + 1);
    }

    /** The slot at a settings path such as {@code optimizer.rmsDecay}. */
    public static OptimizerParam of(String field) {
        for (OptimizerParam p : values()) {
            if (p.field.equals(field)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no optimizer parameter at " + field);
    }

    public double get(OptimizerSettings settings) {
        return getter.applyAsDouble(settings);
    }

    /** {@code base} with the given slots replaced. */
    public static OptimizerSettings with(OptimizerSettings base, OptimizerKind kind, Map<OptimizerParam, Double> values) {
        Map<OptimizerParam, Double> all = new EnumMap<>(OptimizerParam.class);
        for (OptimizerParam p : values()) {
            all.put(p, values.getOrDefault(p, p.get(base)));
        }
        return new OptimizerSettings(kind, all.get(LEARNING_RATE), all.get(MOMENTUM), all.get(BETA1), all.get(BETA2),
                all.get(EPSILON), all.get(RMS_DECAY));
    }
}
