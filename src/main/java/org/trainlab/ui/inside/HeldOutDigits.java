package org.trainlab.ui.inside;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.trainlab.data.Dataset;
import org.trainlab.experiment.inside.Mistake;
import org.trainlab.experiment.settings.DataSettings;

/**
 * The held-out digits the figures point at (by index), copied out of the dataset on the background
 * thread and kept on the FX thread for drawing. A digit not yet loaded draws as nothing until it is.
 */
final class HeldOutDigits {

    private final InsideAccess access;
    private final Executor fx;
    private final Runnable changed;
    /** FX thread only: pixels by data source and index. */
    private final Map<String, float[]> loaded = new HashMap<>();
    private final Set<String> asked = new HashSet<>();

    HeldOutDigits(InsideAccess access, Executor fx, Runnable changed) {
        this.access = access;
        this.fx = fx;
        this.changed = changed;
    }

    private static String key(DataSettings data, int index) {
        return data.source() + "|" + data.folder() + "#" + index;
    }

    /** A digit's pixels, or null while it loads; FX thread. */
    float[] get(DataSettings data, int index) {
        return loaded.get(key(data, index));
    }

    /** Loads the digits behind every mistake shown that is not loaded yet; FX thread. */
    void want(List<InsideViewModel.Shown> shown) {
        for (InsideViewModel.Shown s : shown) {
            if (s.epoch() == null) {
                continue;
            }
            DataSettings data = s.run().settings().data();
            List<Integer> missing = s.epoch().mistakes().stream().map(Mistake::heldOutIndex)
                    .filter(i -> asked.add(key(data, i))).distinct().toList();
            if (!missing.isEmpty()) {
                access.background().execute(() -> copy(data, missing));
            }
        }
    }

    /** Loads one digit and hands its pixels to {@code then} on the background thread. */
    void load(DataSettings data, int index, Consumer<float[]> then) {
        access.background().execute(() -> {
            float[] pixels = copy(data, List.of(index)).get(index);
            if (pixels != null) {
                then.accept(pixels);
            }
        });
    }

    /** Background thread. */
    private Map<Integer, float[]> copy(DataSettings data, List<Integer> indexes) {
        Map<Integer, float[]> out = new HashMap<>();
        try {
            Dataset set = access.heldOut(data);
            for (int i : indexes) {
                if (i >= 0 && i < set.size()) {
                    float[] pixels = new float[set.imageSize()];
                    set.copyImageAsFloat(i, pixels, 0);
                    out.put(i, pixels);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the digits stay blank; the figures themselves are all there
            return out;
        }
        fx.execute(() -> {
            out.forEach((i, p) -> loaded.put(key(data, i), p));
            changed.run();
        });
        return out;
    }
}
