package org.trainlab.ui.inside;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import org.trainlab.experiment.inside.FeatureMap;
import org.trainlab.experiment.inside.TrainedNetwork;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.session.SessionRun;

/**
 * The trained networks of the runs shown, opened from their saved weights on the background thread
 * and closed when the runs are no longer shown (they hold native memory). Answers the pad's digit and
 * the picked digit's feature maps; results reach the FX thread through {@code fx}. A burst of pad
 * strokes asks once for the latest drawing, not once per stroke.
 */
public final class Networks {

    /** A digit and one run's feature maps for it, conv layer by conv layer. */
    public record Maps(float[] digit, List<FeatureMap> layers) {
    }

    private final InsideAccess access;
    private final Executor fx;
    private final Runnable changed;
    /** Background thread only. */
    private final Map<String, TrainedNetwork> open = new HashMap<>();
    /** FX thread only. */
    private final Map<String, double[]> answers = new LinkedHashMap<>();
    private final Map<String, Maps> maps = new HashMap<>();
    private final AtomicReference<Runnable> nextClassification = new AtomicReference<>();

    Networks(InsideAccess access, Executor fx, Runnable changed) {
        this.access = access;
        this.fx = fx;
        this.changed = changed;
    }

    /** Opens the networks of these runs (again when their weights changed) and closes the others; FX thread. */
    void keep(List<SessionRun> runs) {
        Map<String, TrainedWeights> wanted = new HashMap<>();
        for (SessionRun r : runs) {
            if (r.trainedWeights() != null) {
                wanted.put(r.id(), r.trainedWeights());
            }
        }
        answers.keySet().retainAll(wanted.keySet());
        maps.keySet().retainAll(wanted.keySet());
        access.background().execute(() -> {
            open.entrySet().removeIf(e -> {
                TrainedWeights w = wanted.get(e.getKey());
                if (w == null || e.getValue().weights() != w && !e.getValue().weights().equals(w)) {
                    e.getValue().close();
                    return true;
                }
                return false;
            });
            wanted.forEach((id, w) -> open.computeIfAbsent(id, k -> access.open(w)));
        });
    }

    /** The pad's drawing, as MNIST would have it, to every run shown; FX thread. */
    void classify(List<SessionRun> runs, PadModel pad) {
        float[] drawing = pad.pixels();
        boolean blank = pad.isBlank();
        List<String> ids = runs.stream().map(SessionRun::id).toList();
        Runnable job = () -> {
            Map<String, double[]> result = new LinkedHashMap<>();
            if (!blank) {
                float[] digit = access.toMnist(drawing, PadModel.SIDE, PadModel.SIDE);
                for (String id : ids) {
                    TrainedNetwork network = open.get(id);
                    if (network != null) {
                        result.put(id, network.classify(digit));
                    }
                }
            }
            fx.execute(() -> {
                answers.clear();
                answers.putAll(result);
                changed.run();
            });
        };
        // only the latest drawing is classified; a job already queued takes it
        if (nextClassification.getAndSet(job) == null) {
            access.background().execute(() -> {
                Runnable latest = nextClassification.getAndSet(null);
                if (latest != null) {
                    latest.run();
                }
            });
        }
    }

    /** Feature maps of one digit from every run shown; background thread. */
    void featureMaps(List<SessionRun> runs, float[] digit) {
        Map<String, Maps> result = new HashMap<>();
        for (SessionRun r : runs) {
            TrainedNetwork network = open.get(r.id());
            if (network != null) {
                result.put(r.id(), new Maps(digit, network.featureMaps(digit)));
            }
        }
        fx.execute(() -> {
            maps.clear();
            maps.putAll(result);
            changed.run();
        });
    }

    /** The latest answers to the pad, by run id; FX thread. */
    Map<String, double[]> answers() {
        return Map.copyOf(answers);
    }

    Maps maps(String runId) {
        return maps.get(runId);
    }

    /** Closes every network; the models keep no native memory after the view is gone. */
    void closeAll() {
        access.background().execute(() -> {
            open.values().forEach(TrainedNetwork::close);
            open.clear();
        });
    }
}
