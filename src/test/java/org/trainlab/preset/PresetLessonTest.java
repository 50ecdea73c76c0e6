package org.trainlab.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** A preset's lesson: the technique sections that matter and what to look for, read and checked. */
class PresetLessonTest {

    private static String preset(String lesson) {
        return """
                {"format": "trainlab-preset/1",
                 "name": {"en": "Two", "ko": "둘"},
                 "description": {"en": "Two runs."},
                 "runs": [{"name": {"en": "A"}, "settings": {}},
                          {"name": {"en": "B"}, "settings": {"model": {"dropoutRate": 0.2}}}]
                """ + (lesson == null ? "" : ", \"lesson\": " + lesson) + "}";
    }

    @Test
    void everyShippedPresetNamesItsSectionsAndWhatToLookForInBothLanguages() {
        for (Preset p : PresetLoader.loadBundled()) {
            Lesson lesson = p.lesson();
            assertTrue(lesson.focuses(), p.id() + " names the sections that matter");
            assertTrue(lesson.focus().size() < Lesson.SECTIONS.size(), p.id() + " hides some sections");
            String ko = lesson.lookFor().get(Locale.KOREAN);
            assertTrue(ko.chars().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3), p.id() + " says what to look for in Korean");
            assertFalse(lesson.lookFor().get(Locale.ENGLISH).equals(ko));
        }
        Preset overfitting = PresetLoader.loadBundled().get(0);
        assertEquals(List.of("data", "decay", "augmentation", "batchNorm", "dropout"), overfitting.lesson().focus());
    }

    @Test
    void aLessonIsReadInThePanelsOrderAndIsOptional() {
        Preset p = PresetLoader.parse(preset("""
                {"focus": ["dropout", "decay"], "lookFor": {"en": "The gap.", "ko": "격차."}}"""), "two", "two.json");
        assertEquals(List.of("decay", "dropout"), p.lesson().focus(), "in the panel's order");
        assertEquals("격차.", p.lesson().lookFor().get(Locale.KOREAN));
        Preset none = PresetLoader.parse(preset(null), "two", "two.json");
        assertEquals(Lesson.NONE, none.lesson());
        Preset onlyText = PresetLoader.parse(preset("{\"lookFor\": {\"en\": \"The gap.\"}}"), "two", "two.json");
        assertFalse(onlyText.lesson().focuses());
        assertEquals("The gap.", onlyText.lesson().lookFor().get(Locale.KOREAN), "English when Korean is missing");
    }

    @Test
    void aWrongLessonIsRefusedNamingTheFileTheFieldAndWhatIsAllowed() {
        String unknown = assertThrows(PresetFormatException.class, () -> PresetLoader.parse(
                preset("{\"focus\": [\"dropout\", \"momentum\"]}"), "two", "two.json")).getMessage();
        assertTrue(unknown.startsWith("two.json: lesson.focus[1]: string \"momentum\" is not a section"), unknown);
        assertTrue(unknown.contains("batchNorm"), "lists the known sections: " + unknown);
        String twice = assertThrows(PresetFormatException.class, () -> PresetLoader.parse(
                preset("{\"focus\": [\"dropout\", \"dropout\"]}"), "two", "two.json")).getMessage();
        assertTrue(twice.contains("lesson.focus[1]") && twice.contains("named twice"), twice);
        String notList = assertThrows(PresetFormatException.class, () -> PresetLoader.parse(
                preset("{\"focus\": \"dropout\"}"), "two", "two.json")).getMessage();
        assertTrue(notList.contains("lesson.focus: expected an array"), notList);
        String field = assertThrows(PresetFormatException.class, () -> PresetLoader.parse(
                preset("{\"focus\": [], \"watch\": 1}"), "two", "two.json")).getMessage();
        assertTrue(field.contains("unknown field 'watch' at lesson"), field);
        String noEnglish = assertThrows(PresetFormatException.class, () -> PresetLoader.parse(
                preset("{\"lookFor\": {\"ko\": \"격차.\"}}"), "two", "two.json")).getMessage();
        assertTrue(noEnglish.contains("lesson.lookFor: an English text"), noEnglish);
        String twoLines = assertThrows(PresetFormatException.class, () -> PresetLoader.parse(
                preset("{\"lookFor\": {\"en\": \"one\\ntwo\"}}"), "two", "two.json")).getMessage();
        assertTrue(twoLines.contains("lesson.lookFor.en: must be one line"), twoLines);
    }
}
