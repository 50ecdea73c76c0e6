package org.trainlab.experiment.text;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every user-visible string in one language, from {@code org/trainlab/ui/messages*.properties} (UTF-8):
 * the window's, the validator's problems and the settings' differences and summaries. Toolkit-free, so
 * every layer may use it. Immutable and shared, one per language: switching language rebuilds the views with
 * the other. Each pattern is parsed once and kept (a verdict line, a seed's name and a settings line are
 * made again at every epoch's end with 25 runs queued).
 *
 * <p>Keys are literals in the code wherever possible; keys built at run time (from enum names) are
 * declared in {@code LocalizationConsistencyTest}, which checks that every key the code uses exists in
 * both languages and that no key in the bundles is unused.
 */
public final class Messages {

    public static final String BUNDLE = "org.trainlab.ui.messages";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale KOREAN = Locale.KOREAN;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, KOREAN);

    private static final Messages IN_ENGLISH = new Messages(ENGLISH);
    private static final Messages IN_KOREAN = new Messages(KOREAN);

    private final Locale locale;
    private final ResourceBundle bundle;
    /** Parsed patterns by key; a {@link MessageFormat} is not thread-safe, so each is used under its own lock. */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Messages(Locale locale) {
        this.locale = locale;
        // no fallback to the system locale: on a Korean system, English must still mean English
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Locale locale) {
        return supported(locale) == KOREAN ? IN_KOREAN : IN_ENGLISH;
    }

    /** Overrides the system's language, e.g. {@code -Dtrainlab.language=ko} for a Korean class on an English laptop. */
    public static final String LANGUAGE_PROPERTY = "trainlab.language";

    /** Korean when the system's language is Korean (or {@link #LANGUAGE_PROPERTY} says so), else English. */
    public static Locale systemDefault() {
        String forced = System.getProperty(LANGUAGE_PROPERTY, "").strip();
        return supported(forced.isEmpty() ? Locale.getDefault() : Locale.forLanguageTag(forced));
    }

    /** The supported locale with the same language, else English. */
    public static Locale supported(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return KOREAN.getLanguage().equals(locale.getLanguage()) ? KOREAN : ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The string for {@code key}. Every value is a {@link MessageFormat} pattern, with or without
     * arguments, so apostrophes are written the same way throughout the bundles.
     */
    public String get(String key) {
        return format(key);
    }

    /**
     * The pattern of {@code key} filled with {@code args}; a missing key shows as itself in brackets, noticed but
     * not fatal. An argument that is a {@link StateNote} is said in this language too.
     */
    public String format(String key, Object... args) {
        Object[] said = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof StateNote note) {
                said = said == args ? args.clone() : said;
                said[i] = note.in(this);
            }
        }
        MessageFormat pattern;
        try {
            pattern = formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale));
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
        synchronized (pattern) {
            return pattern.format(said);
        }
    }

    /** Whether the bundle has {@code key}: lets optional strings (per-enum hints) be skipped. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The display name of an enum constant: key {@code enum.<Type>.<NAME>}. */
    public String name(Enum<?> value) {
        return value == null ? "" : get("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** The label of a settings field by its dotted path, e.g. {@code optimizer.learningRate}. */
    public String field(String path) {
        return get("field." + path);
    }
}
