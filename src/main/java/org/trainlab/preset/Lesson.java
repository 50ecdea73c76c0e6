package org.trainlab.preset;

import java.util.List;
import java.util.Objects;

/**
 * What a preset teaches, for the window's presentation view: the technique sections that matter to the
 * lesson (the others stay hidden there, so the class sees only the knob under discussion) and one line
 * saying what to look for on the charts.
 *
 * @param focus   section ids from {@link #SECTIONS}, in the panel's order; empty: every section
 * @param lookFor one line for the back row, or null
 */
public record Lesson(List<String> focus, LocalizedText lookFor) {

    /** The technique panel's sections by id, in its order: data and training, then the tutorial's 1 to 8. */
    public static final List<String> SECTIONS = List.of("data", "decay", "augmentation", "init", "scheduler",
            "normalization", "optimizer", "batchNorm", "dropout");

    /** The longest "what to look for" line: one line in large type. */
    public static final int MAX_LOOK_FOR = 160;

    /** A preset that says nothing of its lesson. */
    public static final Lesson NONE = new Lesson(List.of(), null);

    public Lesson {
        Objects.requireNonNull(focus, "focus");
        for (String id : focus) {
            if (!SECTIONS.contains(id)) {
                throw new IllegalArgumentException("unknown section '" + id + "' (known: " + String.join(", ", SECTIONS) + ")");
            }
        }
        if (focus.stream().distinct().count() != focus.size()) {
            throw new IllegalArgumentException("a section is named twice: " + focus);
        }
        focus = SECTIONS.stream().filter(focus::contains).toList();
    }

    /** Whether the lesson names sections to focus on. */
    public boolean focuses() {
        return !focus.isEmpty();
    }
}
