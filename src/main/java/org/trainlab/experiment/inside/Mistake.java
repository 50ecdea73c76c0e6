package org.trainlab.experiment.inside;

import java.util.List;
import java.util.Objects;

/**
 * One held-out image the network got wrong in inference mode.
 *
 * @param heldOutIndex   index into the run's held-out set: {@code DatasetLoader.load(settings.data(), ...).test()}
 *                       (draw it with {@code Dataset.copyImageAsFloat(heldOutIndex, ...)})
 * @param trueClass      its label
 * @param predictedClass the class with the highest probability
 * @param confidence     that highest probability, 0..1 (higher is a worse mistake)
 * @param top            the three most probable classes, most probable first
 */
public record Mistake(int heldOutIndex, int trueClass, int predictedClass, double confidence, List<ClassProbability> top) {

    public Mistake {
        top = List.copyOf(Objects.requireNonNull(top, "top"));
    }
}
