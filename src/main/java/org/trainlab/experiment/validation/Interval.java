package org.trainlab.experiment.validation;

import org.trainlab.experiment.text.Numbers;

import java.util.List;

/** A range of allowed values, each end open or closed; an infinite max means no upper bound. */
record Interval(double min, boolean minIncluded, double max, boolean maxIncluded) {

    static Interval closed(double min, double max) {
        return new Interval(min, true, max, true);
    }

    /** (min, max] */
    static Interval aboveAtMost(double min, double max) {
        return new Interval(min, false, max, true);
    }

    /** [min, max) */
    static Interval atLeastBelow(double min, double max) {
        return new Interval(min, true, max, false);
    }

    static Interval open(double min, double max) {
        return new Interval(min, false, max, false);
    }

    static Interval atLeast(double min) {
        return new Interval(min, true, Double.POSITIVE_INFINITY, false);
    }

    static Interval above(double min) {
        return new Interval(min, false, Double.POSITIVE_INFINITY, false);
    }

    boolean contains(double value) {
        boolean aboveMin = minIncluded ? value >= min : value > min;
        boolean belowMax = maxIncluded ? value <= max : value < max;
        return aboveMin && belowMax;
    }

    /** "must be 1 to 4096", "must be greater than 0 and at most 10", ... */
    String describe() {
        String low = (minIncluded ? "at least " : "greater than ") + Numbers.format(min);
        if (Double.isInfinite(max)) {
            return "must be " + low;
        }
        if (minIncluded && maxIncluded) {
            return "must be " + Numbers.format(min) + " to " + Numbers.format(max);
        }
        String high = (maxIncluded ? "at most " : "less than ") + Numbers.format(max);
        return "must be " + low + " and " + high;
    }

    /**
     * The range's shape as the suffix of its {@code problem.range.*} key: closed, atLeast, greaterThan,
     * atLeastLessThan, greaterThanAtMost or greaterThanLessThan.
     */
    String shape() {
        if (Double.isInfinite(max)) {
            return minIncluded ? "atLeast" : "greaterThan";
        }
        if (minIncluded && maxIncluded) {
            return "closed";
        }
        return (minIncluded ? "atLeast" : "greaterThan") + (maxIncluded ? "AtMost" : "LessThan");
    }

    /** The bounds as written in the message: min, and max when there is one. */
    List<String> bounds() {
        return Double.isInfinite(max) ? List.of(Numbers.format(min)) : List.of(Numbers.format(min), Numbers.format(max));
    }
}
