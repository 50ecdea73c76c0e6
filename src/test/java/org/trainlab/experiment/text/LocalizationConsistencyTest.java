package org.trainlab.experiment.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.compare.Criterion;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.NormalizationKind;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.RegularizationKind;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.experiment.settings.SchedulerSettings;
import org.trainlab.ui.theme.Palette;

/**
 * The bundles and the code agree (in the manner of JabRef's {@code LocalizationConsistencyTest}):
 * every key the code uses exists in English and in Korean, and no key in the bundles is unused.
 *
 * <p>Keys written as whole string literals ({@code messages.get("run.start")}) are found by reading
 * {@code src/main/java}. A key built at run time ({@code "enum." + type + "." + name}, {@code "section."
 * + id + ".hint"}) cannot be found that way: <b>register its family in {@link #BUILT_KEYS}</b>, with
 * its prefix, its suffix and where the middle part comes from:
 * <ul>
 *   <li>{@link Family#ofEnum}: one key per constant of an enum, e.g. {@code verdict.<Verdict>} for a
 *       feature that names its enum's constants; every constant must then have its key in both
 *       languages (a new optimizer without its hint fails here);</li>
 *   <li>{@link Family#ofValues}: one key per listed value, same rule;</li>
 *   <li>{@link Family#ofLiterals}: the middle is some string literal of the code (ids such as
 *       {@code "loss"} in {@code "chart." + id + ".title"}); such keys count as used, but only the
 *       literal-key check can say one is missing.</li>
 * </ul>
 * A literal that looks like a key but is not one (a file name) goes into {@link #NOT_KEYS}.
 */
class LocalizationConsistencyTest {

    private static final String ENGLISH = "/org/trainlab/ui/messages.properties";
    private static final String KOREAN = "/org/trainlab/ui/messages_ko.properties";

    /** Every family of keys the code builds at run time. Add yours here (see the class comment). */
    static final List<Family> BUILT_KEYS = List.of(
            // Messages.name(enum): enum.<SimpleName>.<CONSTANT>
            Family.ofEnum("enum.DatasetSource.", DatasetSource.class, ""),
            Family.ofEnum("enum.ModelKind.", ModelKind.class, ""),
            Family.ofEnum("enum.InitKind.", InitKind.class, ""),
            Family.ofEnum("enum.RegularizationKind.", RegularizationKind.class, ""),
            Family.ofEnum("enum.NormalizationKind.", NormalizationKind.class, ""),
            Family.ofEnum("enum.OptimizerKind.", OptimizerKind.class, ""),
            Family.ofEnum("enum.SchedulerKind.", SchedulerKind.class, ""),
            Family.ofEnum("enum.PlateauMode.", SchedulerSettings.PlateauMode.class, ""),
            Family.ofEnum("enum.ThresholdMode.", SchedulerSettings.ThresholdMode.class, ""),
            // the settings panel's hint under each kind
            // VerdictText: the criterion a class predicts by
            Family.ofEnum("prediction.criterion.", Criterion.class, ""),
            Family.ofEnum("optimizer.hint.", OptimizerKind.class, ""),
            Family.ofEnum("scheduler.hint.", SchedulerKind.class, ""),
            // SettingsDiff: differences and summaries
            Family.ofEnum("diff.source.", DatasetSource.class, ""),
            Family.ofEnum("diff.init.", InitKind.class, ""),
            Family.ofEnum("diff.summary.init.", InitKind.class, ""),
            Family.ofValues("diff.decay.", Arrays.stream(RegularizationKind.values())
                    .filter(k -> k != RegularizationKind.NONE).map(Enum::name).toList(), ""),
            Family.ofEnum("diff.norm.", NormalizationKind.class, ""),
            Family.ofEnum("diff.summary.norm.", NormalizationKind.class, ""),
            Family.ofLiterals("diff.field.", ""),
            Family.ofLiterals("diff.aug.", ""),
            Family.ofLiterals("diff.summary.aug.", ""),
            // the validator's ranges: problem.range.<shape of the interval>
            Family.ofValues("problem.range.", List.of("closed", "atLeast", "greaterThan", "atLeastLessThan",
                    "greaterThanAtMost", "greaterThanLessThan"), ""),
            // Messages.field(path) and the settings panel's sections, options and charts by id
            Family.ofLiterals("field.", ""),
            Family.ofLiterals("section.", ""),
            Family.ofLiterals("section.", ".hint"),
            Family.ofLiterals("augmentation.", ""),
            Family.ofLiterals("chart.", ".title"),
            Family.ofLiterals("chart.", ".file"),
            // the charts: a run's colour by index (ColorMenu), the learning-rate markers by kind (MarkerLayer)
            Family.ofValues("chart.color.", IntStream.range(0, Palette.RUN_COLORS).mapToObj(String::valueOf).toList(), ""),
            Family.ofValues("chart.marker.", List.of("LR_STEP", "LR_MILESTONE", "LR_PLATEAU"), ""),
            // the Inside view's pages by id (InsideView.key(page)): their tab names and what to look for
            Family.ofLiterals("inside.view.", ""),
            Family.ofLiterals("inside.look.", ""));

    /** Literals shaped like keys that are something else. */
    private static final Set<String> NOT_KEYS = Set.of("run.json");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern KEY_SHAPE = Pattern.compile("[a-z][a-zA-Z0-9_]*(?:\\.[a-zA-Z0-9_]+)+");

    private static Set<String> english;
    private static Set<String> korean;
    private static Set<String> literals;

    @BeforeAll
    static void read() throws IOException {
        english = keys(ENGLISH);
        korean = keys(KOREAN);
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            literals = new TreeSet<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    literals.add(m.group(1));
                }
            }
        }
        assertTrue(literals.contains("run.start"), "the main sources were read");
    }

    @Test
    void everyKeyTheCodeNamesExistsInBothLanguages() {
        Set<String> namespaces = english.stream().map(k -> k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (String literal : literals) {
            boolean keyLike = KEY_SHAPE.matcher(literal).matches()
                    && namespaces.contains(literal.substring(0, literal.indexOf('.')))
                    && !NOT_KEYS.contains(literal)
                    // a settings path such as "optimizer.learningRate" is a field, named by "field." + path
                    && !english.contains("field." + literal);
            if (keyLike) {
                missingIn(literal, missing);
            }
        }
        for (Family family : BUILT_KEYS) {
            for (String key : family.requiredKeys()) {
                missingIn(key, missing);
            }
        }
        assertEquals(Set.of(), missing, "keys the code uses but a bundle lacks");
    }

    @Test
    void everyKeyInTheBundlesIsUsed() {
        Set<String> unused = new TreeSet<>();
        for (String key : english) {
            if (!literals.contains(key) && BUILT_KEYS.stream().noneMatch(f -> f.builds(key, literals))) {
                unused.add(key);
            }
        }
        assertEquals(Set.of(), unused, "keys no code uses: delete them, or register how the code builds them in BUILT_KEYS");
    }

    @Test
    void theCheckNoticesAMissingAndAnUnusedKey() {
        Set<String> missing = new TreeSet<>();
        missingIn("no.such.key", missing);
        assertEquals(Set.of("no.such.key"), missing);
        assertTrue(BUILT_KEYS.stream().anyMatch(f -> f.builds("enum.OptimizerKind.ADAM", literals)));
        assertTrue(BUILT_KEYS.stream().noneMatch(f -> f.builds("enum.OptimizerKind.NO_SUCH", literals)));
    }

    private static void missingIn(String key, Set<String> missing) {
        if (!english.contains(key) || !korean.contains(key)) {
            missing.add(key);
        }
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LocalizationConsistencyTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    /**
     * Keys {@code prefix + middle + suffix}.
     *
     * @param middles  the middles when they are known in advance (enum constants, listed values), else null
     */
    record Family(String prefix, List<String> middles, String suffix) {

        static Family ofEnum(String prefix, Class<? extends Enum<?>> type, String suffix) {
            return new Family(prefix, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(), suffix);
        }

        static Family ofValues(String prefix, List<String> values, String suffix) {
            return new Family(prefix, values, suffix);
        }

        static Family ofLiterals(String prefix, String suffix) {
            return new Family(prefix, null, suffix);
        }

        List<String> requiredKeys() {
            return middles == null ? List.of() : middles.stream().map(m -> prefix + m + suffix).toList();
        }

        boolean builds(String key, Set<String> literals) {
            if (!key.startsWith(prefix) || !key.endsWith(suffix) || key.length() < prefix.length() + suffix.length() + 1) {
                return false;
            }
            String middle = key.substring(prefix.length(), key.length() - suffix.length());
            return middles == null ? literals.contains(middle) : middles.contains(middle);
        }
    }
}
