package org.trainlab.experiment.compare;

import java.util.ArrayList;
import java.util.List;
import org.trainlab.experiment.record.EpochMetrics;

/**
 * What one seed of a group reached, the two figures a verdict compares.
 *
 * @param bestHeldOutAccuracy the highest held-out accuracy of any epoch, 0..1; NaN before one finished
 * @param finalHeldOutLoss    the held-out loss of the last finished epoch; NaN before one, or if it diverged
 * @param finalGap            train minus held-out accuracy at the last finished epoch; NaN before one
 */
public record Outcome(double bestHeldOutAccuracy, double finalHeldOutLoss, double finalGap) {

    public static Outcome of(List<EpochMetrics> epochs) {
        double best = Double.NaN;
        for (EpochMetrics e : epochs) {
            if (!Double.isNaN(e.testAccuracy()) && (Double.isNaN(best) || e.testAccuracy() > best)) {
                best = e.testAccuracy();
            }
        }
        if (epochs.isEmpty()) {
            return new Outcome(best, Double.NaN, Double.NaN);
        }
        EpochMetrics last = epochs.get(epochs.size() - 1);
        return new Outcome(best, last.testLoss(), last.accuracyGap());
    }

    /** One outcome per seed's epochs, in the same order. */
    public static List<Outcome> ofSeeds(List<List<EpochMetrics>> seeds) {
        List<Outcome> outcomes = new ArrayList<>(seeds.size());
        seeds.forEach(s -> outcomes.add(of(s)));
        return outcomes;
    }

    /** Whether any epoch finished. */
    public boolean measured() {
        return !Double.isNaN(bestHeldOutAccuracy);
    }
}
