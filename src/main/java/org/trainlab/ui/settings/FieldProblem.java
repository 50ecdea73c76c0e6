package org.trainlab.ui.settings;

import java.util.List;
import java.util.Objects;

/**
 * Something wrong with one settings field, in a form any language can render: a message key of the
 * bundle ({@code problem.*}) and its arguments (numbers already formatted, text as typed).
 *
 * @param field dotted path of the field, as in {@link org.trainlab.experiment.validation.Problem#field()}
 * @param key   bundle key of the sentence
 * @param args  the sentence's arguments, in order
 */
public record FieldProblem(String field, String key, List<String> args) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static FieldProblem of(String field, String key, String... args) {
        return new FieldProblem(field, key, List.of(args));
    }
}
