package org.trainlab.experiment.validation;

import org.trainlab.experiment.text.Numbers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects {@link Problem}s with uniformly worded messages: field, value, what is allowed. Each check
 * makes the window's key and arguments and the English sentence side by side, so they cannot drift.
 */
final class Checks {

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    void add(String field, String key, List<String> args, String message) {
        problems.add(new Problem(field, key, args, message));
    }

    boolean inRange(String field, double value, Interval allowed) {
        return inRange(field, value, allowed, "");
    }

    /** @param why appended to the English message, e.g. " (Nesterov needs momentum)"; may be empty */
    boolean inRange(String field, double value, Interval allowed, String why) {
        String problem;
        String shown;
        if (Double.isNaN(value)) {
            problem = "is not a number";
            shown = "NaN";
        } else if (Double.isInfinite(value)) {
            problem = "is not a finite number";
            shown = Double.toString(value);
        } else if (!allowed.contains(value)) {
            problem = "is out of range";
            shown = Numbers.format(value);
        } else {
            return true;
        }
        List<String> args = new ArrayList<>();
        args.add(shown);
        args.addAll(allowed.bounds());
        add(field, "problem.range." + allowed.shape(), args,
                field + " = " + shown + " " + problem + ": " + allowed.describe() + why);
        return false;
    }

    /** A whole settings section; returns whether it is there. */
    boolean section(String field, Object value) {
        if (value == null) {
            missing(field, "the settings need this section");
            return false;
        }
        return true;
    }

    <E extends Enum<E>> boolean present(String field, E value, Class<E> type) {
        if (value == null) {
            missing(field, "must be one of " + names(type));
            return false;
        }
        return true;
    }

    void missing(String field, String what) {
        add(field, "problem.missing", List.of(), field + " is missing: " + what);
    }

    static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
