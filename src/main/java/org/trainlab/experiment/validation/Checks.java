package org.trainlab.experiment.validation;

import org.trainlab.experiment.text.Numbers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects {@link Problem}s with uniformly worded messages: field, value, what is allowed. */
final class Checks {

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    void add(String field, String message) {
        problems.add(new Problem(field, message));
    }

    boolean inRange(String field, double value, Interval allowed) {
        return inRange(field, value, allowed, "");
    }

    /** @param why appended to the message, e.g. " (Nesterov needs momentum)"; may be empty */
    boolean inRange(String field, double value, Interval allowed, String why) {
        if (Double.isNaN(value)) {
            add(field, field + " = NaN is not a number: " + allowed.describe() + why);
            return false;
        }
        if (Double.isInfinite(value)) {
            add(field, field + " = " + value + " is not a finite number: " + allowed.describe() + why);
            return false;
        }
        if (!allowed.contains(value)) {
            add(field, field + " = " + Numbers.format(value) + " is out of range: " + allowed.describe() + why);
            return false;
        }
        return true;
    }

    /** A whole settings section; returns whether it is there. */
    boolean section(String field, Object value) {
        if (value == null) {
            add(field, field + " is missing: the settings need this section");
            return false;
        }
        return true;
    }

    <E extends Enum<E>> boolean present(String field, E value, Class<E> type) {
        if (value == null) {
            add(field, field + " is missing: must be one of " + names(type));
            return false;
        }
        return true;
    }

    static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
