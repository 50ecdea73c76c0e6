package org.trainlab.experiment.settings;

import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * One number an init or regularization kind reads (as {@link OptimizerDescriptor.Param} is for optimizers).
 *
 * @param field the dotted settings path ({@code init.sigma}); the panel labels it {@code field.<field>}, the
 *              validator and the JSON name it so
 * @param value the default
 * @param range the values the validator allows
 * @param <S>   the settings record holding it
 */
public record KindParam<S>(String field, double value, Range range, ToDoubleFunction<S> getter) {

    /** The record component's name, e.g. {@code sigma}: the placeholder in export templates. */
    public String component() {
        return field.substring(field.indexOf('.') + 1);
    }

    public double get(S settings) {
        return getter.applyAsDouble(settings);
    }

    /**
     * Fills a template's {@code {component}} placeholders with {@code text} (comments, Python) and
     * {@code {component.literal}} with {@code literal} (Java code).
     */
    String fill(String template, S settings, DoubleFunction<String> text, DoubleFunction<String> literal) {
        double v = get(settings);
        return template.replace("{" + component() + ".literal}", literal.apply(v)).replace("{" + component() + "}", text.apply(v));
    }
}
