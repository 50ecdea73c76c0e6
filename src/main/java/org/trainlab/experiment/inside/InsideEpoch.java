package org.trainlab.experiment.inside;

import java.util.List;
import java.util.Objects;

/**
 * Everything the Inside view shows for one finished epoch of one run, measured by the engine at the
 * epoch's end on the run's thread, in inference mode. Kept per epoch in the session and in the command
 * line's run.json.
 *
 * @param epoch             1-based, as {@code EpochMetrics.epoch()}
 * @param confusion         held-out confusion matrix, counts
 * @param mistakes          misclassified held-out images, worst (most confident) first: the
 *                          {@value #WORST_KEPT} worst overall, then up to {@value #PER_CELL_KEPT} more of each
 *                          confusion cell not already among them, so every non-empty off-diagonal cell has examples
 * @param probeImages       size of the fixed probe batch the activation figures were measured on
 * @param layers            one entry per weight layer, input to output (conv1..conv3, fc1..fc3)
 * @param firstLayerFilters the first conv layer's filters; null for a network without conv layers (MLP)
 */
public record InsideEpoch(int epoch, ConfusionMatrix confusion, List<Mistake> mistakes, int probeImages,
                          List<LayerProbe> layers, FilterBank firstLayerFilters) {

    /** Worst mistakes kept overall. */
    public static final int WORST_KEPT = 64;
    /** Extra mistakes kept per confusion cell. */
    public static final int PER_CELL_KEPT = 4;

    public InsideEpoch {
        Objects.requireNonNull(confusion, "confusion");
        mistakes = List.copyOf(Objects.requireNonNull(mistakes, "mistakes"));
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
    }

    /** The kept mistakes of one confusion cell, worst first. */
    public List<Mistake> mistakes(int trueClass, int predicted) {
        return mistakes.stream().filter(m -> m.trueClass() == trueClass && m.predictedClass() == predicted).toList();
    }

    /** The layer of that name, or null. */
    public LayerProbe layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }
}
