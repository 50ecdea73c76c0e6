package org.trainlab.experiment.text;

import java.math.BigDecimal;

/** Number formatting for messages: as short as the value allows, never "1.0E-4". */
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
}
