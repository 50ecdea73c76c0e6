package org.trainlab.ui.inside;

import java.util.List;

/** Text as a message key and its arguments; it becomes words only in the view, in the window's language. */
public record Phrase(String key, List<Object> args) {

    public Phrase {
        args = List.copyOf(args);
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, List.of(args));
    }
}
