package org.trainlab.ui.inside;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.trainlab.data.CancelToken;
import org.trainlab.data.Dataset;
import org.trainlab.data.DatasetLoader;
import org.trainlab.data.DrawnDigit;
import org.trainlab.engine.BackgroundPriority;
import org.trainlab.engine.probe.TrainedNetworks;
import org.trainlab.experiment.inside.TrainedNetwork;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.settings.DataSettings;

/**
 * The Inside view's door to what lies outside the window: trained networks to ask, the held-out
 * digits the figures point at, the pad's MNIST preprocessing, and the thread that does this work.
 * Tests give it a same-thread executor and small stand-ins.
 */
public interface InsideAccess {

    /** Where networks are opened and asked and digits loaded: never the FX thread. */
    Executor background();

    /** A network with these weights; called on {@link #background()}. */
    TrainedNetwork open(TrainedWeights weights);

    /** The held-out set of these data settings; called on {@link #background()}. */
    Dataset heldOut(DataSettings data) throws IOException;

    /** A pad drawing as an MNIST digit (fitted into 20x20, centred by its centre of mass). */
    default float[] toMnist(float[] pad, int width, int height) {
        return DrawnDigit.toMnist(pad, width, height);
    }

    /** The real engine and datasets, on one background thread at a lowered priority (decision 7). */
    static InsideAccess standard() {
        Executor thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(BackgroundPriority.lowered(r), "trainlab-inside");
            t.setDaemon(true);
            return t;
        });
        Map<String, Dataset> heldOut = new ConcurrentHashMap<>();
        return new InsideAccess() {
            @Override
            public Executor background() {
                return thread;
            }

            @Override
            public TrainedNetwork open(TrainedWeights weights) {
                return TrainedNetworks.open(weights);
            }

            @Override
            public Dataset heldOut(DataSettings data) throws IOException {
                // the held-out split depends on the source only, not on how many training digits a run took
                String key = data.source() + "|" + data.folder();
                Dataset known = heldOut.get(key);
                if (known == null) {
                    known = DatasetLoader.load(data, (file, done, total) -> { }, CancelToken.NEVER).test();
                    heldOut.put(key, known);
                }
                return known;
            }
        };
    }
}
