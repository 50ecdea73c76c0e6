package org.trainlab.ui.inside;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The confusion-matrix difference between two runs as one sentence: "“Augmented” fixed 31 confusions
 * (4→9 ×6, 7→2 ×4, …) and broke 12 (9→4 ×5, …)". Names up to {@link #NAMED} confusions each way,
 * largest first.
 */
public final class DifferenceSentence {

    /** How many confusions each half of the sentence names. */
    public static final int NAMED = 3;

    private DifferenceSentence() {
    }

    /**
     * @param second the run compared (the one that fixed or broke), named in the sentence
     * @param before the first run's matrix (the reference)
     * @param after  the second run's matrix
     */
    public static Phrase of(String second, int[][] before, int[][] after) {
        ConfusionMath.Difference d = ConfusionMath.difference(before, after);
        int fixed = d.fixedCount();
        int broken = d.brokenCount();
        if (fixed == 0 && broken == 0) {
            return Phrase.of("inside.diff.same", second);
        }
        if (broken == 0) {
            return Phrase.of("inside.diff.fixedOnly", second, fixed, list(d.fixed()));
        }
        if (fixed == 0) {
            return Phrase.of("inside.diff.brokeOnly", second, broken, list(d.broken()));
        }
        return Phrase.of("inside.diff.fixedAndBroke", second, fixed, list(d.fixed()), broken, list(d.broken()));
    }

    /** "4→9 ×6, 7→2 ×4, 3→5 ×3, …": true class → predicted, times the count changed. */
    static String list(List<ConfusionMath.Change> changes) {
        String named = changes.stream().limit(NAMED)
                .map(c -> c.trueClass() + "→" + c.predicted() + " ×" + Math.abs(c.delta()))
                .collect(Collectors.joining(", "));
        return changes.size() > NAMED ? named + ", …" : named;
    }
}
