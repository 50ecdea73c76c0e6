package org.trainlab.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Cell selection, worst-first ordering and the difference sentence, on small hand-made matrices. */
class ConfusionMathTest {

    record Guess(String name, int trueClass, int predicted, double confidence) {
    }

    private static final List<Guess> GUESSES = List.of(
            new Guess("a", 4, 9, 0.55), new Guess("b", 4, 9, 0.97), new Guess("c", 7, 1, 0.80),
            new Guess("d", 4, 9, 0.71), new Guess("e", 9, 4, 0.99), new Guess("f", 3, 3, 1.0));

    @Test
    void aCellHoldsExactlyItsExamplesMostConfidentFirst() {
        List<Guess> cell = ConfusionMath.inCell(GUESSES, 4, 9, Guess::trueClass, Guess::predicted, Guess::confidence);
        assertEquals(List.of("b", "d", "a"), cell.stream().map(Guess::name).toList());
        List<Guess> reverse = ConfusionMath.inCell(GUESSES, 9, 4, Guess::trueClass, Guess::predicted,
                Guess::confidence);
        assertEquals(List.of("e"), reverse.stream().map(Guess::name).toList());
        assertEquals(List.of(), ConfusionMath.inCell(GUESSES, 1, 7, Guess::trueClass, Guess::predicted,
                Guess::confidence));
    }

    @Test
    void worstFirstPutsTheMostConfidentWrongAnswerFirstAndKeepsTiesInOrder() {
        List<Guess> tied = List.of(new Guess("x", 1, 2, 0.5), new Guess("y", 1, 2, 0.9), new Guess("z", 2, 1, 0.5));
        assertEquals(List.of("y", "x", "z"),
                ConfusionMath.worstFirst(tied, Guess::confidence).stream().map(Guess::name).toList());
    }

    @Test
    void rowSharesAndAccuracyComeFromTheCounts() {
        int[][] m = {{8, 2}, {0, 0}};
        assertEquals(0.8, ConfusionMath.rowShare(m, 0, 0), 1e-12);
        assertEquals(0.2, ConfusionMath.rowShare(m, 0, 1), 1e-12);
        assertEquals(0.0, ConfusionMath.rowShare(m, 1, 1), 1e-12, "an empty row has no colour");
        assertEquals(0.8, ConfusionMath.accuracy(m), 1e-12);
    }

    @Test
    void theDifferenceSentenceNamesWhatWasFixedAndWhatBroke() {
        int[][] before = new int[10][10];
        int[][] after = new int[10][10];
        before[4][9] = 10;
        after[4][9] = 4;      // 6 fewer 4→9
        before[7][2] = 5;
        after[7][2] = 1;      // 4 fewer 7→2
        before[3][5] = 1;
        after[3][5] = 0;      // 1 fewer
        before[8][3] = 2;
        after[8][3] = 1;      // 1 fewer: the fourth, not named
        after[9][4] = 3;      // 3 more 9→4
        before[5][5] = 50;
        after[5][5] = 60;     // the diagonal is not a confusion

        Phrase p = DifferenceSentence.of("Augmented", before, after);
        assertEquals("inside.diff.fixedAndBroke", p.key());
        assertEquals(List.of("Augmented", 12, "4→9 ×6, 7→2 ×4, 3→5 ×1, …", 3, "9→4 ×3"), p.args());

        Phrase back = DifferenceSentence.of("Plain", after, before);
        assertEquals("inside.diff.fixedAndBroke", back.key());
        assertEquals(List.of("Plain", 3, "9→4 ×3", 12, "4→9 ×6, 7→2 ×4, 3→5 ×1, …"), back.args());

        assertEquals(Phrase.of("inside.diff.same", "Twin"), DifferenceSentence.of("Twin", before, before));
        int[][] onlyBetter = new int[10][10];
        assertEquals("inside.diff.fixedOnly", DifferenceSentence.of("B", before, onlyBetter).key());
        assertEquals("inside.diff.brokeOnly", DifferenceSentence.of("B", onlyBetter, before).key());
        assertThrows(IllegalArgumentException.class, () -> ConfusionMath.difference(new int[2][2], new int[3][3]));
    }
}
