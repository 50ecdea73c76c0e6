package org.trainlab.experiment.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static List<Outcome> outcomes(double... accuracies) {
        return java.util.Arrays.stream(accuracies).mapToObj(a -> new Outcome(a, 1 - a, 0.1)).toList();
    }

    @Test
    void aClearlyBetterChildIsSaidToBeBetterInEverySeed() {
        Verdict v = Verdict.of("No regularization", outcomes(0.880, 0.885, 0.879, 0.884, 0.882),
                "Dropout 0.2", outcomes(0.894, 0.898, 0.893, 0.899, 0.895));
        assertEquals(Verdict.Kind.BETTER, v.kind());
        assertEquals(5, v.seedsAgreeing());
        // differences 1.4, 1.3, 1.4, 1.5, 1.3 points: mean 1.38, sd 0.083666, half 2.7764 * 0.037417 = 0.10388
        assertEquals(1.38, v.accuracy().mean(), 1e-9);
        assertEquals("Dropout 0.2 vs No regularization: held-out accuracy +1.4 points (95% CI +1.3 to +1.5),"
                + " better in 5 of 5 seeds; final held-out loss \u22120.014 (95% CI \u22120.015 to \u22120.013).",
                VerdictText.sentence(v, Locale.ENGLISH));
        assertEquals("Dropout 0.2 대 No regularization: 검증 정확도 +1.4%p (95% 신뢰구간 +1.3 ~ +1.5),"
                + " 시드 5개 중 5개에서 더 높음; 마지막 검증 손실 \u22120.014 (95% 신뢰구간 \u22120.015 ~ \u22120.013).",
                VerdictText.sentence(v, Locale.KOREAN));
    }

    @Test
    void anIntervalSpanningZeroIsNotEstablished() {
        Verdict v = Verdict.of("A", outcomes(0.88, 0.89, 0.87), "B", outcomes(0.89, 0.88, 0.875));
        assertEquals(Verdict.Kind.NOT_ESTABLISHED, v.kind());
        String sentence = VerdictText.sentence(v, Locale.ENGLISH);
        assertTrue(sentence.contains("better in 2 of 3 seeds: the difference is not established"), sentence);
        assertTrue(VerdictText.sentence(v, Locale.KOREAN).contains("차이가 있다고 할 수 없습니다"));
    }

    @Test
    void oneSeedGivesNoVerdict() {
        Verdict v = Verdict.of("A", outcomes(0.88), "B", outcomes(0.95));
        assertEquals(Verdict.Kind.NO_VERDICT, v.kind());
        assertEquals("B vs A: no verdict is possible with one seed; repeat both with 3 or more seeds.",
                VerdictText.sentence(v, Locale.ENGLISH));
    }

    @Test
    void groupsOfSeveralSeedsWithFewerThanTwoFinishedWaitForMore() {
        List<Outcome> waiting = List.of(new Outcome(0.8, 0.5, 0.1), new Outcome(Double.NaN, Double.NaN, Double.NaN),
                new Outcome(Double.NaN, Double.NaN, Double.NaN));
        Verdict v = Verdict.of("A", waiting, "B", outcomes(0.9, 0.9, 0.9));
        assertEquals(Verdict.Kind.NO_VERDICT, v.kind());
        assertEquals("B vs A: a verdict needs two seeds of each finished; 1 of 3 so far.",
                VerdictText.sentence(v, Locale.ENGLISH));
    }

    @Test
    void seedsWithoutAFinishedEpochAreLeftOut() {
        List<Outcome> a = List.of(new Outcome(0.8, 0.5, 0.1), new Outcome(Double.NaN, Double.NaN, Double.NaN),
                new Outcome(0.81, 0.5, 0.1), new Outcome(0.79, 0.5, 0.1));
        Verdict v = Verdict.of("A", a, "B", outcomes(0.7, 0.9, 0.71, 0.69));
        assertEquals(3, v.accuracy().pairs());
        assertEquals(Verdict.Kind.WORSE, v.kind());
        assertTrue(VerdictText.sentence(v, Locale.ENGLISH).contains("worse in 3 of 3 seeds"));
    }

    @Test
    void theBriefFormSaysTheSameInAFewCharacters() {
        Verdict better = Verdict.of("No regularization", outcomes(0.880, 0.885, 0.879, 0.884, 0.882),
                "Dropout 0.2", outcomes(0.894, 0.898, 0.893, 0.899, 0.895));
        assertEquals("+1.4 pts [+1.3, +1.5], 5/5 seeds", VerdictText.brief(better, Locale.ENGLISH));
        assertEquals("+1.4%p [+1.3, +1.5], 시드 5/5", VerdictText.brief(better, Locale.KOREAN));
        Verdict open = Verdict.of("A", outcomes(0.88, 0.89, 0.87), "B", outcomes(0.89, 0.88, 0.875));
        assertTrue(VerdictText.brief(open, Locale.ENGLISH).endsWith(", 2/3 seeds · not established"),
                VerdictText.brief(open, Locale.ENGLISH));
        assertTrue(VerdictText.brief(open, Locale.KOREAN).endsWith("시드 2/3 · 차이 불확실"));
        assertEquals("one seed: no verdict", VerdictText.brief(Verdict.of("A", outcomes(0.88), "B", outcomes(0.95)),
                Locale.ENGLISH));
        List<Outcome> waiting = List.of(new Outcome(0.8, 0.5, 0.1), new Outcome(Double.NaN, Double.NaN, Double.NaN),
                new Outcome(Double.NaN, Double.NaN, Double.NaN));
        assertEquals("1 of 3 pairs so far", VerdictText.brief(Verdict.of("A", waiting, "B", outcomes(0.9, 0.9, 0.9)),
                Locale.ENGLISH));
    }

    @Test
    void criterionPicksTheSmallestGapOrTheBestAccuracy() {
        List<Outcome> wide = List.of(new Outcome(0.95, 0.2, 0.08), new Outcome(0.94, 0.2, 0.06));
        List<Outcome> narrow = List.of(new Outcome(0.90, 0.3, 0.01), new Outcome(0.91, 0.3, 0.03));
        assertEquals(1, Criterion.GAP.winner(List.of(wide, narrow)));
        assertEquals(0, Criterion.ACCURACY.winner(List.of(wide, narrow)));
        assertEquals(-1, Criterion.ACCURACY.winner(List.of(List.of(new Outcome(Double.NaN, Double.NaN, Double.NaN)))));
        assertEquals("Predicted (smallest gap): A. Actual: B. The prediction was wrong.",
                VerdictText.prediction(Criterion.GAP, "A", "B", Locale.ENGLISH));
    }

    @Test
    void memberSeedsAreDeterministicDistinctAndStartAtTheBase() {
        assertEquals(7, SeedPlan.memberSeed(7, 0));
        assertEquals(SeedPlan.memberSeed(7, 3), SeedPlan.memberSeed(7, 3));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int k = 0; k < SeedPlan.MAX_SEEDS; k++) {
            long s = SeedPlan.memberSeed(7, k);
            assertTrue(s >= 0, "seeds read as ordinary numbers");
            assertTrue(seen.add(s), "seed " + k + " repeats an earlier one");
        }
        assertNotEquals(SeedPlan.memberSeed(7, 1), SeedPlan.memberSeed(8, 1));
        assertEquals(null, SeedPlan.problem(5));
        assertTrue(SeedPlan.problem(0).contains("1 to 20"));
    }
}
