package org.trainlab.session;

import java.util.List;
import java.util.Objects;
import org.trainlab.experiment.compare.Criterion;

/**
 * What a class predicted before a comparison trained: which of its candidates would end best by the
 * criterion. Kept in the session, so the verdict can name the actual winner next to it later.
 *
 * @param title      the comparison's title when it was queued
 * @param criterion  what "best" means
 * @param candidates ids of the groups (or, for one-seed runs, the runs) that were offered
 * @param predicted  the one the class chose, one of the candidates
 */
public record Prediction(String title, Criterion criterion, List<String> candidates, String predicted) {

    public Prediction {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(predicted, "predicted");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
