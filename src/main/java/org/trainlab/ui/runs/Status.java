package org.trainlab.ui.runs;

import java.util.Arrays;
import java.util.List;

/**
 * A status line in a form any language can say: a bundle key ({@code status.*}) and its
 * {@link java.text.MessageFormat} arguments (numbers stay numbers, so each language formats them).
 */
public record Status(String key, List<Object> args) {

    public Status {
        args = List.copyOf(args);
    }

    public static Status of(String key, Object... args) {
        return new Status(key, Arrays.asList(args));
    }
}
