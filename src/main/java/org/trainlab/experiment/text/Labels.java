package org.trainlab.experiment.text;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Words for settings in one language, from {@code org/trainlab/experiment/labels*.properties} (UTF-8).
 * Locales without their own file get English, never the machine's default language.
 */
final class Labels {

    private static final String BUNDLE = "org.trainlab.experiment.labels";

    private final ResourceBundle bundle;

    private Labels(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    static Labels of(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return new Labels(ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no label '" + key + "' in " + BUNDLE, e);
        }
    }

    /** The label with {0}, {1}, ... replaced by the arguments as they are (no MessageFormat quoting rules). */
    String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /**
     * Numbers as people write settings: 0.001, 0.3, 42, and below 0.001 in short scientific notation
     * (1e-4, 2.5e-5), never "1.0E-4". The same in every language.
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            return Numbers.format(value);
        }
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        BigDecimal mantissa = exact.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }
}
