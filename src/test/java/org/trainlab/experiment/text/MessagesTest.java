package org.trainlab.experiment.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.settings.OptimizerKind;

class MessagesTest {

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> english = keys("/org/trainlab/ui/messages.properties");
        Set<String> korean = keys("/org/trainlab/ui/messages_ko.properties");
        assertEquals(english, korean);
    }

    @Test
    void koreanIsKoreanAndEnglishStaysEnglishWhateverTheSystemSays() {
        Locale system = Locale.getDefault();
        try {
            Locale.setDefault(Locale.KOREA);
            assertEquals("Start", Messages.of(Locale.ENGLISH).get("run.start"));
            assertEquals(Messages.KOREAN, Messages.systemDefault());
        } finally {
            Locale.setDefault(system);
        }
        Messages korean = Messages.of(Locale.KOREA);
        assertEquals("시작", korean.get("run.start"));
        assertEquals("가중치 감소", korean.get("section.decay"));
        assertEquals("모멘텀 SGD", korean.name(OptimizerKind.MOMENTUM));
        assertEquals("에폭 2/5", korean.format("run.epoch", 2, 5));
        assertTrue(korean.format("status.epoch", 1, 5, 0.971, 0.99, 0.019).contains("97.1%"));
    }

    @Test
    void everyPatternIsAValidMessageFormat() throws IOException {
        for (String bundle : new String[] {"/org/trainlab/ui/messages.properties", "/org/trainlab/ui/messages_ko.properties"}) {
            Properties properties = new Properties();
            try (InputStream in = MessagesTest.class.getResourceAsStream(bundle)) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : properties.stringPropertyNames()) {
                try {
                    new java.text.MessageFormat(properties.getProperty(key));
                } catch (IllegalArgumentException e) {
                    throw new AssertionError(bundle + ": " + key + " is not a valid pattern: " + e.getMessage(), e);
                }
            }
        }
        Messages english = Messages.of(Locale.ENGLISH);
        assertEquals("1 epoch a second", english.format("replay.speed.epochs", 1.0));
        assertEquals("5 epochs a second", english.format("replay.speed.epochs", 5.0));
        assertEquals("+8.1%", english.format("runs.gap", 0.081));
        assertEquals("Restored 2 runs with 5 finished epochs from the last session.",
                english.format("status.restored", 2, 5));
    }

    @Test
    void apostrophesAndMissingKeysAreHandled() {
        Messages english = Messages.of(Locale.ENGLISH);
        assertTrue(english.get("section.batchNorm.hint").contains("layer's"));
        assertEquals("[no.such.key]", english.get("no.such.key"));
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
