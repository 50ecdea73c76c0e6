package org.trainlab.preset;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A text in several languages, keyed by language code ("en", "ko"). English is required and is what
 * any other language falls back to.
 */
public record LocalizedText(Map<String, String> byLanguage) {

    public LocalizedText {
        Objects.requireNonNull(byLanguage, "byLanguage");
        if (!byLanguage.containsKey("en")) {
            throw new IllegalArgumentException("an English text (\"en\") is required");
        }
        byLanguage = Map.copyOf(new LinkedHashMap<>(byLanguage));
    }

    public static LocalizedText of(String english, String korean) {
        return new LocalizedText(Map.of("en", english, "ko", korean));
    }

    /** The text in the locale's language, else English. */
    public String get(Locale locale) {
        String text = byLanguage.get(locale.getLanguage());
        return text != null ? text : byLanguage.get("en");
    }

    @Override
    public String toString() {
        return byLanguage.get("en");
    }
}
