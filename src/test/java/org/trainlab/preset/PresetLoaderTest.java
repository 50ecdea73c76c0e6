package org.trainlab.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.NormalizationKind;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.RegularizationKind;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.experiment.text.SettingsDiff;
import org.trainlab.experiment.validation.SettingsValidator;

class PresetLoaderTest {

    @TempDir
    Path userFolder;

    private static Preset bundled(String id) {
        return PresetLoader.loadBundled().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** The settings sections (first part of each changed field) a run changes from the preset's first run. */
    private static Set<String> sectionsChanged(ExperimentSettings first, ExperimentSettings run) {
        return SettingsDiff.between(first, run).stream().map(c -> c.field().split("\\.")[0]).collect(Collectors.toSet());
    }

    @Test
    void everyShippedPresetLoadsAndValidatesInBothLanguages() {
        List<Preset> presets = PresetLoader.loadBundled();
        assertEquals(List.of("overfitting", "initialization", "schedulers", "optimizers", "normalization"),
                presets.stream().map(Preset::id).toList());
        for (Preset preset : presets) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.KOREAN)) {
                List<ExperimentSettings> runs = preset.expand(locale);
                assertEquals(preset.runs().size(), runs.size());
                for (ExperimentSettings s : runs) {
                    assertEquals(List.of(), SettingsValidator.validate(s), preset.id() + ": " + s.name());
                    assertEquals(runs.get(0).training().seed(), s.training().seed(), "one seed for the whole comparison");
                }
                assertEquals(runs.size(), runs.stream().map(ExperimentSettings::name).distinct().count(), "distinct names");
            }
            assertTrue(preset.name().get(Locale.KOREAN).chars().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3),
                    preset.id() + " has a Korean title");
            assertTrue(preset.description().get(Locale.KOREAN).length() > 40);
        }
    }

    @Test
    void theOverfittingPresetsRunsEachChangeExactlyOneThing() {
        Preset preset = bundled("overfitting");
        List<ExperimentSettings> runs = preset.expand(Locale.ENGLISH);
        ExperimentSettings first = runs.get(0);
        assertEquals(300, first.data().trainSize());
        assertEquals(RegularizationKind.NONE, first.regularization().kind());
        assertEquals(0.0, first.model().dropoutRate());
        assertTrue(!first.model().batchNorm() && SettingsDiff.summary(first).indexOf("aug") < 0, "nothing against overfitting");
        assertTrue(first.training().epochs() >= 30, "long enough to overfit");

        assertEquals(List.of("regularization"), fields(first, runs.get(1)));
        assertEquals(List.of("model.dropoutRate"), fields(first, runs.get(2)));
        assertEquals(Set.of("augmentation"), sectionsChanged(first, runs.get(3)));
        assertEquals(List.of("model.batchNorm"), fields(first, runs.get(4)));
        assertEquals(List.of("weight decay: none → decoupled 0.5"), SettingsDiff.between(first, runs.get(1)).stream()
                .map(SettingsDiff.Change::label).toList());
    }

    private static List<String> fields(ExperimentSettings a, ExperimentSettings b) {
        return SettingsDiff.between(a, b).stream().map(SettingsDiff.Change::field).toList();
    }

    @Test
    void theOtherPresetsVaryOnlyTheirTechnique() {
        Map<String, String> technique = Map.of("initialization", "init", "schedulers", "scheduler",
                "optimizers", "optimizer", "normalization", "normalization");
        for (Map.Entry<String, String> e : technique.entrySet()) {
            List<ExperimentSettings> runs = bundled(e.getKey()).expand(Locale.ENGLISH);
            for (int i = 1; i < runs.size(); i++) {
                assertEquals(Set.of(e.getValue()), sectionsChanged(runs.get(0), runs.get(i)), e.getKey() + " run " + i);
            }
        }
        assertEquals(List.of(InitKind.NORMAL, InitKind.NORMAL, InitKind.XAVIER_NORMAL, InitKind.HE_NORMAL),
                bundled("initialization").expand(Locale.ENGLISH).stream().map(s -> s.init().kind()).toList());
        assertEquals(List.of(1.0, 0.1), bundled("initialization").expand(Locale.ENGLISH).subList(0, 2).stream()
                .map(s -> s.init().sigma()).toList());
        assertEquals(List.of(SchedulerKind.NONE, SchedulerKind.STEP, SchedulerKind.MULTI_STEP, SchedulerKind.EXPONENTIAL,
                        SchedulerKind.REDUCE_ON_PLATEAU),
                bundled("schedulers").expand(Locale.ENGLISH).stream().map(s -> s.scheduler().kind()).toList());
        assertEquals(List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM, OptimizerKind.ADAGRAD, OptimizerKind.ADAM),
                bundled("optimizers").expand(Locale.ENGLISH).stream().map(s -> s.optimizer().kind()).toList());
        assertEquals(List.of(NormalizationKind.NONE, NormalizationKind.FIXED_MNIST),
                bundled("normalization").expand(Locale.ENGLISH).stream().map(s -> s.normalization().kind()).toList());
    }

    @Test
    void runsAreNamedInTheRequestedLanguage() {
        Preset preset = bundled("overfitting");
        assertEquals("Dropout 0.2", preset.expand(Locale.ENGLISH).get(2).name());
        assertEquals("드롭아웃 0.2", preset.expand(Locale.KOREA).get(2).name());
        assertEquals("Dropout 0.2", preset.expand(Locale.GERMAN).get(2).name(), "English for other languages");
    }

    @Test
    void anInstructorsPresetIsPickedUpAndABrokenOneIsSkippedWithItsName() throws IOException {
        write("my-lecture.json", """
                {"format": "trainlab-preset/1", "name": {"en": "Batch size", "ko": "배치 크기"},
                 "description": {"en": "Small and large batches."},
                 "base": {"data": {"trainSize": 500}, "training": {"epochs": 3}},
                 "runs": [{"name": {"en": "Batch 16"}, "settings": {"training": {"batchSize": 16}}},
                          {"name": {"en": "Batch 256"}, "settings": {"training": {"batchSize": 256}}}]}""");
        write("broken.json", """
                {"format": "trainlab-preset/1", "name": {"en": "Broken"}, "description": {"en": "x"},
                 "runs": [{"name": {"en": "Too much dropout"}, "settings": {"model": {"dropoutRate": 1.5}}}]}""");
        write("truncated.json", "{\"format\": \"trainlab-preset/1\", \"name\": ");
        write("notepad.json", "\uFEFF{\"format\": \"trainlab-preset/1\", \"name\": {\"en\": \"Saved with a BOM\"},"
                + " \"description\": {\"en\": \"x\"}, \"runs\": [{\"name\": {\"en\": \"Only\"}}]}");
        PresetLoader.Result result = PresetLoader.load(userFolder);

        List<String> ids = result.presets().stream().map(Preset::id).toList();
        assertEquals(List.of("overfitting", "initialization", "schedulers", "optimizers", "normalization", "my-lecture",
                "notepad"), ids);
        Preset mine = result.presets().get(5);
        assertEquals(List.of(16, 256), mine.expand(Locale.ENGLISH).stream().map(s -> s.training().batchSize()).toList());
        assertEquals(500, mine.runs().get(1).settings().data().trainSize());
        assertEquals("Batch 16", mine.expand(Locale.KOREAN).get(0).name(), "English where no Korean is given");

        assertEquals(2, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().get(0).startsWith(userFolder.resolve("broken.json") + ": runs[0] (\"Too much dropout\"):"
                + " model.dropoutRate = 1.5 is out of range"), result.problems().get(0));
        assertTrue(result.problems().get(1).startsWith(userFolder.resolve("truncated.json") + ": not valid JSON at line 1"),
                result.problems().get(1));
    }

    @Test
    void aUserPresetReplacesAShippedOneOfTheSameName() throws IOException {
        write("overfitting.json", """
                {"format": "trainlab-preset/1", "name": {"en": "My overfitting"}, "description": {"en": "x"},
                 "runs": [{"name": {"en": "Only one"}}]}""");
        PresetLoader.Result result = PresetLoader.load(userFolder);
        List<Preset> mine = result.presets().stream().filter(p -> p.id().equals("overfitting")).toList();
        assertEquals(1, mine.size());
        assertEquals("My overfitting", mine.get(0).name().get(Locale.ENGLISH));
        assertEquals(List.of(), result.problems());
    }

    @Test
    void mistakesAreNamedPrecisely() {
        assertEquals("p.json: unknown field 'runz' at top level (known: base, description, format, lesson, name, predict, runs, seeds)",
                error("{\"format\": \"trainlab-preset/1\", \"name\": {\"en\": \"x\"}, \"description\": {\"en\": \"x\"},"
                        + " \"runz\": []}"));
        assertEquals("p.json: runs: expected a non-empty array of runs, got nothing",
                error("{\"format\": \"trainlab-preset/1\", \"name\": {\"en\": \"x\"}, \"description\": {\"en\": \"x\"}}"));
        assertEquals("p.json: name: an English text (\"en\") is required",
                error("{\"format\": \"trainlab-preset/1\", \"name\": {\"ko\": \"x\"}, \"description\": {\"en\": \"x\"},"
                        + " \"runs\": [{\"name\": {\"en\": \"a\"}}]}"));
        assertTrue(error("{\"format\": \"trainlab-preset/1\", \"name\": {\"en\": \"x\"}, \"description\": {\"en\": \"x\"},"
                + " \"base\": {\"optimiser\": {}}, \"runs\": [{\"name\": {\"en\": \"a\"}}]}")
                .startsWith("p.json: base: unknown field 'optimiser' at top level"));
        assertTrue(error("{\"format\": \"trainlab-preset/2\"}").startsWith("p.json: format: string \"trainlab-preset/2\""));
        assertTrue(error("{\"formatVersion\": \"trainlab-session/1\", \"runs\": []}")
                .startsWith("p.json: this is a TrainLab session, not a preset"));
        assertTrue(error("{\"optimizer\": {\"kind\": \"SGD\"}}").startsWith("p.json: this is a settings file, not a preset"));
    }

    private static String error(String json) {
        return assertThrows(PresetFormatException.class, () -> PresetLoader.parse(json, "p", "p.json")).getMessage();
    }

    private void write(String name, String json) throws IOException {
        Files.writeString(userFolder.resolve(name), json, StandardCharsets.UTF_8);
    }
}
