package org.trainlab.ui.settings;

import java.util.List;
import java.util.Objects;

import org.trainlab.experiment.validation.Problem;

/**
 * Something wrong with one settings field, in a form any language can render: a message key of the
 * bundle ({@code problem.*}) and its arguments (numbers already formatted, text as typed).
 *
 * @param field dotted path of the field, as in {@link Problem#field()}
 * @param key   bundle key of the sentence
 * @param args  the sentence's arguments, in order
 */
public record FieldProblem(String field, String key, List<String> args) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /** The validator's problem as the window shows it: its key and arguments, never its English sentence. */
    public static FieldProblem from(Problem problem) {
        return new FieldProblem(problem.field(), problem.key(), problem.args());
    }

    public static FieldProblem of(String field, String key, String... args) {
        return new FieldProblem(field, key, List.of(args));
    }
}
