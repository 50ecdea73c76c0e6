package org.trainlab.ui.i18n;

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
import org.trainlab.experiment.OptimizerKind;

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
