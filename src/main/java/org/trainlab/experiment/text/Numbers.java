package org.trainlab.experiment.text;

import java.math.BigDecimal;

/**
 * The one place numbers become text for people: messages, settings differences, the window's fields
 * and the exported code. As short as the value allows, never "1.0E-4".
 */
public final class Numbers {

    private Numbers() {
    }

    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude >= 1e-4 && magnitude < 1e7 ? exact.toPlainString() : exact.toString().toLowerCase();
    }

    /**
     * Numbers as people write settings: 0.001, 0.3, 42, and below 0.001 in short scientific notation
     * (1e-4, 2.5e-5), never "1.0E-4". The same in every language.
     */
    public static String compact(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            return format(value);
        }
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        BigDecimal mantissa = exact.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }
}
