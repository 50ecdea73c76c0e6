package org.trainlab.experiment.settings;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Everything about one §1 weight-decay kind besides applying it, written once and read by the validator, the
 * settings panel and the DL4J exporter: the numbers it reads with their ranges and defaults, and the DL4J
 * builder call (empty for {@code NONE}). Templates name parameters as {@link KindParam#fill} says. The PyTorch
 * script's decay depends on the optimizer too (AdamW decouples by itself), so the exporter decides it there.
 *
 * @param params   the numbers the kind reads (every kind but {@code NONE} reads the strength)
 * @param dl4jCall the builder call with its comment, or empty
 */
public record RegularizationDescriptor(List<KindParam<RegularizationSettings>> params, String dl4jCall) {

    /** How strongly the weights decay: 0 to 1, 1e-4 by default. */
    public static final KindParam<RegularizationSettings> STRENGTH =
            new KindParam<>("regularization.strength", 1e-4, Range.closed(0, 1), RegularizationSettings::strength);

    public RegularizationDescriptor {
        params = List.copyOf(params);
    }

    /** Whether the kind decays anything (every kind but {@code NONE}). */
    public boolean on() {
        return !params.isEmpty();
    }

    public String dl4jCall(RegularizationSettings settings, DoubleFunction<String> text, DoubleFunction<String> literal) {
        String filled = dl4jCall;
        for (KindParam<RegularizationSettings> p : params) {
            filled = p.fill(filled, settings, text, literal);
        }
        return filled;
    }
}
