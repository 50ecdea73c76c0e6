package org.trainlab.experiment.compare;

import java.util.List;

/** What a class predicts before a comparison trains: which run will end best by this measure. */
public enum Criterion {
    /** The smallest final gap between training and held-out accuracy (mean over seeds). */
    GAP,
    /** The best held-out accuracy (mean over seeds of each seed's best epoch). */
    ACCURACY;

    /** The measure of one candidate, mean over its seeds that finished an epoch; NaN if none did. */
    public double score(List<Outcome> seeds) {
        double sum = 0;
        int n = 0;
        for (Outcome o : seeds) {
            double v = this == GAP ? o.finalGap() : o.bestHeldOutAccuracy();
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The index of the winning candidate, or -1 when none has a score. */
    public int winner(List<List<Outcome>> candidates) {
        int best = -1;
        double bestScore = Double.NaN;
        for (int i = 0; i < candidates.size(); i++) {
            double s = score(candidates.get(i));
            if (Double.isNaN(s)) {
                continue;
            }
            if (best < 0 || (this == GAP ? s < bestScore : s > bestScore)) {
                best = i;
                bestScore = s;
            }
        }
        return best;
    }
}
