package org.trainlab.experiment.settings;

/**
 * A range of allowed values, each end open or closed; an infinite max means no upper bound. Kind
 * descriptors state their parameters' ranges with it; the validator checks and describes them.
 */
public record Range(double min, boolean minIncluded, double max, boolean maxIncluded) {

    public static Range closed(double min, double max) {
        return new Range(min, true, max, true);
    }

    /** (min, max] */
    public static Range aboveAtMost(double min, double max) {
        return new Range(min, false, max, true);
    }

    /** [min, max) */
    public static Range atLeastBelow(double min, double max) {
        return new Range(min, true, max, false);
    }

    public static Range open(double min, double max) {
        return new Range(min, false, max, false);
    }

    public static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    public static Range above(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    public boolean contains(double value) {
        boolean aboveMin = minIncluded ? value >= min : value > min;
        boolean belowMax = maxIncluded ? value <= max : value < max;
        return aboveMin && belowMax;
    }

    /**
     * The range's shape as the suffix of its {@code problem.range.*} key: closed, atLeast, greaterThan,
     * atLeastLessThan, greaterThanAtMost or greaterThanLessThan.
     */
    public String shape() {
        if (Double.isInfinite(max)) {
            return minIncluded ? "atLeast" : "greaterThan";
        }
        if (minIncluded && maxIncluded) {
            return "closed";
        }
        return (minIncluded ? "atLeast" : "greaterThan") + (maxIncluded ? "AtMost" : "LessThan");
    }
}
