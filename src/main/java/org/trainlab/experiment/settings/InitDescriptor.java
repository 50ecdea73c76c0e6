package org.trainlab.experiment.settings;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Everything about one §3 initialization kind besides drawing the weights, written once and read by the
 * validator, the settings panel and both exporters: the numbers it reads with their ranges and defaults, and
 * how PyTorch and DL4J spell it. Templates name parameters as {@link KindParam#fill} says.
 *
 * @param params     the numbers the kind reads (only {@code NORMAL} reads one: sigma)
 * @param torchInit  the statement in the script's initialization loop, with its comment
 * @param dl4jImport the class the DL4J code imports for it
 * @param dl4jInit   the builder call, with its comment
 */
public record InitDescriptor(List<KindParam<InitSettings>> params, String torchInit, String dl4jImport, String dl4jInit) {

    /** The standard deviation of {@code NORMAL}: above 0, at most 10, the tutorial's 0.1 by default. */
    public static final KindParam<InitSettings> SIGMA =
            new KindParam<>("init.sigma", 0.1, Range.aboveAtMost(0, 10), InitSettings::sigma);

    public InitDescriptor {
        params = List.copyOf(params);
    }

    public boolean reads(KindParam<InitSettings> param) {
        return params.contains(param);
    }

    public String torchInit(InitSettings settings, DoubleFunction<String> number) {
        return fill(torchInit, settings, number, number);
    }

    public String dl4jInit(InitSettings settings, DoubleFunction<String> text, DoubleFunction<String> literal) {
        return fill(dl4jInit, settings, text, literal);
    }

    private String fill(String template, InitSettings settings, DoubleFunction<String> text, DoubleFunction<String> literal) {
        String filled = template;
        for (KindParam<InitSettings> p : params) {
            filled = p.fill(filled, settings, text, literal);
        }
        return filled;
    }
}
