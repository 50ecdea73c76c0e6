package org.trainlab.experiment.compare;

import java.util.List;
import java.util.Objects;

/**
 * The paired comparison of two groups of seeds: group B against group A (a "change one thing" child
 * against its parent), seed k of one with seed k of the other. Differences are B minus A.
 *
 * @param nameA    the reference, e.g. "No regularization"
 * @param nameB    the other, e.g. "Dropout 0.2"
 * @param accuracy best held-out accuracy, in percentage points
 * @param loss     final held-out loss
 * @param seeds    seeds the smaller group has, finished or not (a group of one seed can never give a verdict)
 */
public record Verdict(String nameA, String nameB, PairedDifference accuracy, PairedDifference loss, int seeds) {

    /** What the sentence says. */
    public enum Kind {
        /** Fewer than two pairs of seeds that both finished an epoch: nothing can be said. */
        NO_VERDICT,
        /** The accuracy interval includes zero. */
        NOT_ESTABLISHED,
        /** B's held-out accuracy is higher, with an interval wholly above zero. */
        BETTER,
        /** B's held-out accuracy is lower, with an interval wholly below zero. */
        WORSE
    }

    public Verdict {
        Objects.requireNonNull(nameA, "nameA");
        Objects.requireNonNull(nameB, "nameB");
        Objects.requireNonNull(accuracy, "accuracy");
        Objects.requireNonNull(loss, "loss");
    }

    /**
     * Pairs seed k of {@code a} with seed k of {@code b}; seeds of which either side has not finished an
     * epoch are left out.
     */
    public static Verdict of(String nameA, List<Outcome> a, String nameB, List<Outcome> b) {
        int n = Math.min(a.size(), b.size());
        List<Double> accA = new java.util.ArrayList<>();
        List<Double> accB = new java.util.ArrayList<>();
        List<Double> lossA = new java.util.ArrayList<>();
        List<Double> lossB = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (a.get(i).measured() && b.get(i).measured()) {
                accA.add(100 * a.get(i).bestHeldOutAccuracy());
                accB.add(100 * b.get(i).bestHeldOutAccuracy());
                lossA.add(a.get(i).finalHeldOutLoss());
                lossB.add(b.get(i).finalHeldOutLoss());
            }
        }
        return new Verdict(nameA, nameB, PairedDifference.of(accA, accB), PairedDifference.of(lossA, lossB), n);
    }

    public Kind kind() {
        if (accuracy.pairs() < 2) {
            return Kind.NO_VERDICT;
        }
        if (!accuracy.established()) {
            return Kind.NOT_ESTABLISHED;
        }
        return accuracy.mean() > 0 ? Kind.BETTER : Kind.WORSE;
    }

    /** How many seeds point the way of the mean accuracy difference. */
    public int seedsAgreeing() {
        return accuracy.mean() >= 0 ? accuracy.above() : accuracy.below();
    }
}
