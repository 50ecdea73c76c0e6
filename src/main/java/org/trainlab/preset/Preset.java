package org.trainlab.preset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.trainlab.experiment.compare.Criterion;
import org.trainlab.experiment.compare.SeedPlan;
import org.trainlab.experiment.settings.ExperimentSettings;

/**
 * A lecture comparison: several runs that share a base and each change one thing, trained one after
 * another (or side by side) so the difference shows on the same charts. The first run is the reference:
 * the window links the others to it as their parent, so the legend says what each one changed.
 *
 * @param id          the file name without ".json", e.g. "overfitting"
 * @param origin      where it was read from: "assets/presets/overfitting.json" or a user file's path
 * @param name        the comparison's title
 * @param description what it shows and what to look at, a few sentences
 * @param runs        at least one; every run's settings are already merged over the base and valid
 * @param seeds       how many seeds each run is repeated with (1: once, as a run of its own)
 * @param predict     what the class is asked to predict before the runs train, or null for no question
 * @param lesson      the sections that matter and what to look for, for the presentation view
 */
public record Preset(String id, String origin, LocalizedText name, LocalizedText description, List<Run> runs,
                     int seeds, Criterion predict, Lesson lesson) {

    /**
     * One run of a preset.
     *
     * @param name     its name in the runs list and legend (also put into the settings' name)
     * @param settings base + the run's own settings, over the defaults; valid
     */
    public record Run(LocalizedText name, ExperimentSettings settings) {
        public Run {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(settings, "settings");
        }
    }

    public Preset {
        lesson = lesson == null ? Lesson.NONE : lesson;
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a preset needs at least one run");
        }
        String problem = SeedPlan.problem(seeds);
        if (problem != null) {
            throw new IllegalArgumentException("seeds " + problem);
        }
    }

    /** One seed per run, no question to the class, nothing said of its lesson. */
    public Preset(String id, String origin, LocalizedText name, LocalizedText description, List<Run> runs) {
        this(id, origin, name, description, runs, 1, null, Lesson.NONE);
    }

    /** The same comparison with each run repeated {@code seeds} times. */
    public Preset withSeeds(int seeds) {
        return new Preset(id, origin, name, description, runs, seeds, predict, lesson);
    }

    /** The runs' settings, each named in the locale's language, ready to queue in order. */
    public List<ExperimentSettings> expand(Locale locale) {
        List<ExperimentSettings> settings = new ArrayList<>(runs.size());
        for (Run run : runs) {
            settings.add(run.settings().withName(run.name().get(locale)));
        }
        return settings;
    }
}
