package org.trainlab.engine.probe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainlab.experiment.inside.ClassProbability;
import org.trainlab.experiment.inside.ConfusionMatrix;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.Mistake;

/**
 * Counts one epoch's held-out predictions into a confusion matrix and keeps the mistakes: fed chunk by
 * chunk with the probabilities the evaluation pass computed anyway, so it costs no extra forward pass.
 */
final class HeldOutTally {

    private final int classes;
    private final int[][] counts;
    private final List<Mistake> mistakes = new ArrayList<>();

    HeldOutTally(int classes) {
        this.classes = classes;
        this.counts = new int[classes][classes];
    }

    /**
     * @param firstIndex    held-out index of the chunk's first image (images are in held-out order)
     * @param labels        the chunk's labels
     * @param count         images in the chunk
     * @param probabilities [count * classes], row-major
     */
    void add(int firstIndex, int[] labels, int count, double[] probabilities) {
        for (int i = 0; i < count; i++) {
            int row = i * classes;
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (probabilities[row + c] > probabilities[row + best]) {
                    best = c;
                }
            }
            int label = labels[i];
            counts[label][best]++;
            if (best != label) {
                mistakes.add(new Mistake(firstIndex + i, label, best, probabilities[row + best],
                        top3(probabilities, row)));
            }
        }
    }

    private List<ClassProbability> top3(double[] p, int row) {
        List<ClassProbability> all = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            all.add(new ClassProbability(c, p[row + c]));
        }
        all.sort(Comparator.comparingDouble(ClassProbability::probability).reversed()
                .thenComparingInt(ClassProbability::digit));
        return List.copyOf(all.subList(0, Math.min(3, classes)));
    }

    ConfusionMatrix confusion() {
        return new ConfusionMatrix(counts);
    }

    /**
     * The {@link InsideEpoch#WORST_KEPT} most confident mistakes, then up to {@link InsideEpoch#PER_CELL_KEPT}
     * more of each cell, all worst first (ties by held-out index).
     */
    List<Mistake> keptMistakes() {
        List<Mistake> sorted = new ArrayList<>(mistakes);
        sorted.sort(Comparator.comparingDouble(Mistake::confidence).reversed().thenComparingInt(Mistake::heldOutIndex));
        Set<Mistake> kept = new LinkedHashSet<>(sorted.subList(0, Math.min(InsideEpoch.WORST_KEPT, sorted.size())));
        Map<Integer, Integer> perCell = new HashMap<>();
        for (Mistake m : sorted) {
            int cell = m.trueClass() * classes + m.predictedClass();
            if (perCell.getOrDefault(cell, 0) < InsideEpoch.PER_CELL_KEPT && kept.add(m)) {
                perCell.merge(cell, 1, Integer::sum);
            }
        }
        List<Mistake> result = new ArrayList<>(kept);
        result.sort(Comparator.comparingDouble(Mistake::confidence).reversed().thenComparingInt(Mistake::heldOutIndex));
        return result;
    }
}
