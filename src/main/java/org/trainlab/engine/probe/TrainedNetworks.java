package org.trainlab.engine.probe;

import org.trainlab.experiment.inside.TrainedNetwork;
import org.trainlab.experiment.inside.TrainedWeights;

/** Opens a run's trained weights as a {@link TrainedNetwork} the window can ask. */
public final class TrainedNetworks {

    private TrainedNetworks() {
    }

    /**
     * Rebuilds the network the weights came from (loading the native runtime if needed, which can take
     * seconds the first time: call it off the FX thread).
     *
     * @throws IllegalArgumentException if the weights do not fit the architecture they name
     */
    public static TrainedNetwork open(TrainedWeights weights) {
        throw new UnsupportedOperationException("not built yet");
    }
}
