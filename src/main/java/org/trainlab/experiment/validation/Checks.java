package org.trainlab.experiment.validation;

import org.trainlab.experiment.settings.Range;
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

    boolean inRange(String field, double value, Range allowed) {
        return inRange(field, value, allowed, "");
    }

    /** @param why appended to the English message, e.g. " (Nesterov needs momentum)"; may be empty */
    boolean inRange(String field, double value, Range allowed, String why) {
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
        args.addAll(bounds(allowed));
        add(field, "problem.range." + allowed.shape(), args,
                field + " = " + shown + " " + problem + ": " + describe(allowed) + why);
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

    /** "must be 1 to 4096", "must be greater than 0 and at most 10", ... */
    static String describe(Range range) {
        String low = (range.minIncluded() ? "at least " : "greater than ") + Numbers.format(range.min());
        if (Double.isInfinite(range.max())) {
            return "must be " + low;
        }
        if (range.minIncluded() && range.maxIncluded()) {
            return "must be " + Numbers.format(range.min()) + " to " + Numbers.format(range.max());
        }
        String high = (range.maxIncluded() ? "at most " : "less than ") + Numbers.format(range.max());
        return "must be " + low + " and " + high;
    }

    /** The bounds as the message writes them: min, and max when there is one. */
    static List<String> bounds(Range range) {
        return Double.isInfinite(range.max()) ? List.of(Numbers.format(range.min()))
                : List.of(Numbers.format(range.min()), Numbers.format(range.max()));
    }

    static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
