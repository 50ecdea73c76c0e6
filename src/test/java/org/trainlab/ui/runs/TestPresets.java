package org.trainlab.ui.runs;

import java.util.ArrayList;
import java.util.List;

import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.preset.LocalizedText;
import org.trainlab.preset.Preset;

/** Presets for the runs model's tests. */
public final class TestPresets {

    private TestPresets() {
    }

    /** {@code n} runs, "Run 1" to "Run n", with learning rates 0.001 to 0.001 n. */
    public static Preset numbered(int n) {
        List<Preset.Run> runs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ExperimentSettings s = Defaults.settings().withOptimizer(
                    Defaults.optimizer(Defaults.settings().optimizer().kind()).withLearningRate(0.001 * i));
            runs.add(new Preset.Run(LocalizedText.of("Run " + i, "실행 " + i), s));
        }
        return new Preset("test", "test", LocalizedText.of("Test", "시험"), LocalizedText.of("A test.", "시험."), runs);
    }
}
