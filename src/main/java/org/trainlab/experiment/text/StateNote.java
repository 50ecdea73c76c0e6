package org.trainlab.experiment.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Why a run is in its state (stopped, diverged, failed, interrupted), in a form any language can say: a
 * bundle key ({@code run.note.*}) and its {@link java.text.MessageFormat} arguments. The engine makes it,
 * session files keep it as {@code {"key", "args"}}, and only the window (in its language) and the command
 * line (in English) turn it into a sentence, with {@link #in(Messages)}.
 *
 * <p>Arguments are kept in the few forms JSON gives back unchanged, so a note read from a file equals the
 * note written: whole numbers as {@code Long}, finite fractions as {@code Double}, everything else
 * (text, a non-finite loss, null) as its {@code String}.
 */
public record StateNote(String key, List<Object> args) {

    /** A sentence kept as it is: what session files saved before notes had keys hold instead. */
    public static final String TEXT = "run.note.text";

    public StateNote {
        Objects.requireNonNull(key, "key");
        List<Object> kept = new ArrayList<>(args.size());
        for (Object arg : args) {
            kept.add(kept(arg));
        }
        args = Collections.unmodifiableList(kept);
    }

    public static StateNote of(String key, Object... args) {
        return new StateNote(key, Arrays.asList(args));
    }

    /** A sentence without a key (e.g. from a session saved by an older TrainLab), shown as it is in every language. */
    public static StateNote text(String sentence) {
        return new StateNote(TEXT, List.of(String.valueOf(sentence)));
    }

    /** The sentence in {@code messages}' language. */
    public String in(Messages messages) {
        return messages.format(key, args.toArray());
    }

    /** The sentence in English, for logs and the command line. */
    public String english() {
        return in(Messages.of(Messages.ENGLISH));
    }

    private static Object kept(Object arg) {
        if (arg instanceof Byte || arg instanceof Short || arg instanceof Integer || arg instanceof Long) {
            return ((Number) arg).longValue();
        }
        if ((arg instanceof Double || arg instanceof Float) && Double.isFinite(((Number) arg).doubleValue())) {
            return ((Number) arg).doubleValue();
        }
        return String.valueOf(arg);
    }
}
