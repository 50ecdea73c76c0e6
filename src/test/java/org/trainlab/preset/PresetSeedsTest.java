package org.trainlab.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.compare.Criterion;

class PresetSeedsTest {

    private static String preset(String extra) {
        return """
                {"format": "trainlab-preset/1", "name": {"en": "T"}, "description": {"en": "D"},
                 "runs": [{"name": {"en": "A"}}, {"name": {"en": "B"}, "settings": {"model": {"dropoutRate": 0.2}}}]
                """ + extra + "}";
    }

    private static String error(String extra) {
        return assertThrows(PresetFormatException.class, () -> PresetLoader.parse(preset(extra), "p", "p.json")).getMessage();
    }

    @Test
    void seedsAndPredictAreReadAndDefaultToOneSeedAndNoQuestion() {
        Preset plain = PresetLoader.parse(preset(""), "p", "p.json");
        assertEquals(1, plain.seeds());
        assertNull(plain.predict());
        Preset repeated = PresetLoader.parse(preset(", \"seeds\": 5, \"predict\": \"GAP\""), "p", "p.json");
        assertEquals(5, repeated.seeds());
        assertEquals(Criterion.GAP, repeated.predict());
        assertEquals(Criterion.ACCURACY, PresetLoader.parse(preset(", \"predict\": \"ACCURACY\""), "p", "p.json").predict());
        assertEquals(3, repeated.withSeeds(3).seeds());
    }

    @Test
    void badSeedsAndPredictionsAreRefusedNamingTheFieldAndTheFile() {
        assertEquals("p.json: seeds: must be 1 to 20, got 0", error(", \"seeds\": 0"));
        assertEquals("p.json: seeds: must be 1 to 20, got 50", error(", \"seeds\": 50"));
        assertTrue(error(", \"seeds\": 2.5").startsWith("p.json: seeds: expected a whole number of seeds, got"));
        assertTrue(error(", \"seeds\": \"5\"").startsWith("p.json: seeds: expected a whole number of seeds, got"));
        assertTrue(error(", \"predict\": \"LOSS\"").startsWith("p.json: predict: expected \"GAP\" (smallest gap) or"
                + " \"ACCURACY\""), error(", \"predict\": \"LOSS\""));
        assertTrue(error(", \"seed\": 5").contains("unknown field 'seed' at top level"));
    }

    @Test
    void theOverfittingPresetAsksTheClassAboutTheGap() {
        Preset overfitting = PresetLoader.loadBundled().stream().filter(p -> p.id().equals("overfitting")).findFirst()
                .orElseThrow();
        assertEquals(Criterion.GAP, overfitting.predict());
        assertEquals(1, overfitting.seeds(), "one seed unless the window asks for more: five groups of five take long");
    }
}
