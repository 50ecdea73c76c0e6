package org.trainlab.experiment.validation;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a settings object, in two forms made together by the validator: a bundle key
 * ({@code problem.*}) with its arguments, which the window says in either language beside the field,
 * and an English sentence naming the dotted field path, for logs, the command line and exceptions.
 *
 * @param field   dotted path of the offending setting, e.g. {@code optimizer.learningRate}
 * @param key     bundle key of the sentence the window shows, e.g. {@code problem.range.closed}
 * @param args    the key's arguments, in order (numbers already formatted, text as typed)
 * @param message a sentence for people, naming the field, its value and what is allowed
 */
public record Problem(String field, String key, List<String> args, String message) {

    /** The key of a problem that only has its sentence: the sentence is its one argument. */
    public static final String RAW = "problem.raw";

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        args = List.copyOf(args);
    }

    /** A problem known only by its sentence (from outside the validator). */
    public Problem(String field, String message) {
        this(field, RAW, List.of(message), message);
    }

    /** Two problems are the same when they say the same about the same field; the key is that sentence's other form. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Problem p && field.equals(p.field) && message.equals(p.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, message);
    }

    @Override
    public String toString() {
        return message;
    }
}
