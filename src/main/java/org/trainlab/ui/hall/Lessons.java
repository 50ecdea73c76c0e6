package org.trainlab.ui.hall;

import java.util.List;
import java.util.Optional;

import org.trainlab.preset.Preset;

/** Which lecture a run belongs to: the preset one of whose runs carries its name, in any language. */
public final class Lessons {

    private Lessons() {
    }

    /**
     * The preset that named a run {@code runName} (a run keeps its preset name in saved sessions too);
     * the first one in the list's order when several did.
     */
    public static Optional<Preset> of(String runName, List<Preset> presets) {
        if (runName == null || runName.isBlank()) {
            return Optional.empty();
        }
        for (Preset preset : presets) {
            for (Preset.Run run : preset.runs()) {
                if (run.name().byLanguage().containsValue(runName)) {
                    return Optional.of(preset);
                }
            }
        }
        return Optional.empty();
    }
}
