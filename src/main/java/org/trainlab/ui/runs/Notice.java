package org.trainlab.ui.runs;

import java.util.Arrays;
import java.util.List;

/**
 * Something the user must read before going on (a file that cannot be opened or written), in a form any
 * language can say: bundle keys for the title and the text, and the text's arguments. The window shows
 * it in a dialog; tests collect it.
 *
 * @param error true for a failure, false for information
 */
public record Notice(boolean error, String titleKey, String textKey, List<Object> args) {

    public Notice {
        args = List.copyOf(args);
    }

    public static Notice error(String titleKey, String textKey, Object... args) {
        return new Notice(true, titleKey, textKey, Arrays.asList(args));
    }

    public static Notice info(String titleKey, String textKey, Object... args) {
        return new Notice(false, titleKey, textKey, Arrays.asList(args));
    }
}
