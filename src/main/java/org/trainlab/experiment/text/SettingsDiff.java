package org.trainlab.experiment.text;

import org.trainlab.experiment.settings.AugmentationOption;
import org.trainlab.experiment.settings.AugmentationSettings;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.InitSettings;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.settings.OptimizerDescriptor;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.OptimizerParam;
import org.trainlab.experiment.settings.OptimizerSettings;
import org.trainlab.experiment.settings.RegularizationKind;
import org.trainlab.experiment.settings.RegularizationSettings;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.experiment.settings.SchedulerParam;
import org.trainlab.experiment.settings.SchedulerSettings;
import org.trainlab.experiment.settings.TrainingSettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What differs between two settings, for "change one thing": the runs list and the chart legends say
 * exactly what a copied run changed from the run it came from. Also the one-line summary of a run.
 *
 * <p>Only differences that matter are reported: a parameter is compared only when both runs' chosen
 * kinds read it (momentum is not a difference between two Adam runs), and the name is never compared.
 * When a kind changes, the new kind's own main parameters are given with it ("optimizer: SGD →
 * Momentum (momentum 0.9)"). Labels come in English or Korean ({@link Messages}, keys {@code diff.*}); other
 * locales get English.
 */
public final class SettingsDiff {

    /**
     * One difference.
     *
     * @param field the settings path it concerns, as the validator names fields ("optimizer.learningRate"),
     *              or a whole section ("init", "regularization", "normalization", "augmentation.zoom")
     * @param label for people, e.g. "learning rate: 0.001 → 0.01"
     */
    public record Change(String field, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * The lines made last, by what they were made from: a window describes every run again at each change
     * of its session (25 runs for a preset repeated with five seeds), with the same settings nearly always.
     * Settings are immutable records, so equal settings give the same line.
     */
    private static final int KEPT = 512;
    private static final Map<List<Object>, String> MADE = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Object>, String> eldest) {
                    return size() > KEPT;
                }
            });

    private SettingsDiff() {
    }

    private static String made(List<Object> from, Supplier<String> make) {
        String line = MADE.get(from);
        if (line == null) {
            line = make.get();
            MADE.put(from, line);
        }
        return line;
    }

    /** The differences in English. */
    public static List<Change> between(ExperimentSettings parent, ExperimentSettings child) {
        return between(parent, child, Locale.ENGLISH);
    }

    /** Every difference that matters, in the order of the settings' sections; empty when none. */
    public static List<Change> between(ExperimentSettings parent, ExperimentSettings child, Locale locale) {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(child, "child");
        Messages l = Messages.of(locale);
        Diff d = new Diff(l);
        data(d, l, parent.data(), child.data());
        model(d, l, parent.model(), child.model());
        d.simple("init", init(l, parent.init()), init(l, child.init()));
        d.simple("regularization", decay(l, parent.regularization()), decay(l, child.regularization()));
        augmentation(d, l, parent.augmentation(), child.augmentation());
        d.simple("normalization", l.get("diff.norm." + parent.normalization().kind()),
                l.get("diff.norm." + child.normalization().kind()));
        optimizer(d, l, parent.optimizer(), child.optimizer());
        scheduler(d, l, parent.scheduler(), child.scheduler());
        d.simple("training.epochs", parent.training().epochs(), child.training().epochs());
        d.simple("training.batchSize", parent.training().batchSize(), child.training().batchSize());
        d.simple("training.seed", parent.training().seed(), child.training().seed());
        return d.changes;
    }

    /** The differences joined into one line, e.g. for a legend: "dropout: off → 0.3; epochs: 20 → 40". */
    public static String describe(ExperimentSettings parent, ExperimentSettings child, Locale locale) {
        boolean sameSeed = parent.training().seed() == child.training().seed();
        return made(sameSeed ? Arrays.asList("describe", seedless(parent), seedless(child), locale)
                        : Arrays.asList("describe", parent, child, locale),
                () -> String.join("; ", between(parent, child, locale).stream().map(Change::label).toList()));
    }

    /**
     * One line for the runs list, naming what is on: "CNN · BN · dropout 0.2 · He · Adam 0.001 · StepLR ·
     * L2 1e-4 · aug: rot ±15° · norm · 500 digits · 20 ep".
     */
    public static String summary(ExperimentSettings s, Locale locale) {
        return made(Arrays.asList("summary", seedless(s), locale), () -> summaryOf(s, locale));
    }

    /**
     * What a line is made from, without the name and the seed, which no line shows (nor a difference
     * between two runs of the same seed): the seeds of a group, and each seed's pair with its parent's,
     * share their lines with the first, made once as the presets load.
     */
    private static ExperimentSettings seedless(ExperimentSettings s) {
        TrainingSettings t = s.training();
        return s.withName("").withTraining(new TrainingSettings(t.epochs(), t.batchSize(), 0));
    }

    private static String summaryOf(ExperimentSettings s, Locale locale) {
        Messages l = Messages.of(locale);
        List<String> parts = new ArrayList<>();
        parts.add(s.model().kind().name());
        if (s.model().batchNorm()) {
            parts.add(l.get("diff.summary.bn"));
        }
        if (s.model().dropoutRate() > 0) {
            parts.add(l.format("diff.summary.dropout", Numbers.compact(s.model().dropoutRate())));
        }
        parts.add(l.format("diff.summary.init." + s.init().kind(), Numbers.compact(s.init().sigma())));
        parts.add(optimizerName(s.optimizer().kind()) + " " + Numbers.compact(s.optimizer().learningRate()));
        if (s.scheduler().kind() != SchedulerKind.NONE) {
            parts.add(schedulerName(s.scheduler().kind()));
        }
        if (s.regularization().kind().descriptor().on()) {
            parts.add(decay(l, s.regularization()));
        }
        List<String> augmentations = new ArrayList<>();
        for (AugmentationOption step : AugmentationOption.values()) {
            if (step.isOn(s.augmentation())) {
                augmentations.add(l.format("diff.summary.aug." + step.component(), value(step, s.augmentation())));
            }
        }
        if (!augmentations.isEmpty()) {
            parts.add(l.format("diff.summary.aug", String.join(l.get("diff.list.separator"), augmentations)));
        }
        parts.add(l.get("diff.summary.norm." + s.normalization().kind()));
        String digits = l.format("diff.summary.digits", String.valueOf(s.data().trainSize()));
        parts.add(s.data().source() == DatasetSource.BUNDLED_DIGITS ? digits
                : l.get("diff.source." + s.data().source()) + " " + digits);
        parts.add(l.format("diff.summary.epochs", String.valueOf(s.training().epochs())));
        return String.join(l.get("diff.summary.separator"), parts);
    }

    /** English summary. */
    public static String summary(ExperimentSettings s) {
        return summary(s, Locale.ENGLISH);
    }

    private static void data(Diff d, Messages l, DataSettings p, DataSettings c) {
        d.simple("data.source", l.get("diff.source." + p.source()), l.get("diff.source." + c.source()));
        if (p.source() == DatasetSource.IDX_FOLDER && c.source() == DatasetSource.IDX_FOLDER) {
            d.simple("data.folder", String.valueOf(p.folder()), String.valueOf(c.folder()));
        }
        d.simple("data.trainSize", p.trainSize(), c.trainSize());
    }

    private static void model(Diff d, Messages l, ModelSettings p, ModelSettings c) {
        d.simple("model.kind", p.kind().name(), c.kind().name());
        d.simple("model.batchNorm", l.get(p.batchNorm() ? "diff.on" : "diff.off"), l.get(c.batchNorm() ? "diff.on" : "diff.off"));
        d.simple("model.dropoutRate", rate(l, p.dropoutRate()), rate(l, c.dropoutRate()));
    }

    private static String rate(Messages l, double rate) {
        return rate > 0 ? Numbers.compact(rate) : l.get("diff.off");
    }

    private static String init(Messages l, InitSettings init) {
        return l.format("diff.init." + init.kind(), Numbers.compact(init.sigma()));
    }

    private static String decay(Messages l, RegularizationSettings r) {
        return !r.kind().descriptor().on() ? l.get("diff.none")
                : l.format("diff.decay." + r.kind(), Numbers.compact(r.strength()));
    }

    /** An option's magnitude as the differences show it: "" for a switch, ±15 for degrees, 10 for a 0.1 zoom (in %). */
    private static String value(AugmentationOption option, AugmentationSettings a) {
        if (option.range() == null) {
            return "";
        }
        double magnitude = option.magnitude(a);
        return Numbers.compact(option.percent() ? magnitude * 100 : magnitude);
    }

    /**
     * One change for the whole section, listing each step added (+), removed (−) or changed:
     * "augmentation: + random rotation ±15°, + random shift ±2 px". Its field is the step's own
     * ("augmentation.rotationDegrees") when only one step differs, else "augmentation".
     */
    private static void augmentation(Diff d, Messages l, AugmentationSettings p, AugmentationSettings c) {
        List<String> steps = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (AugmentationOption step : AugmentationOption.values()) {
            String before = step.isOn(p) ? l.format("diff.aug." + step.component(), value(step, p)) : null;
            String after = step.isOn(c) ? l.format("diff.aug." + step.component(), value(step, c)) : null;
            if (before == null && after != null) {
                steps.add("+ " + after);
            } else if (before != null && after == null) {
                steps.add("\u2212 " + before);
            } else if (before != null && !before.equals(after)) {
                steps.add(before + " \u2192 " + after);
            } else {
                continue;
            }
            fields.add(step.field());
        }
        if (!steps.isEmpty()) {
            d.add(fields.size() == 1 ? fields.get(0) : "augmentation",
                    l.format("diff.section", l.get("diff.field.augmentation"), String.join(l.get("diff.list.separator"), steps)));
        }
    }

    /** A kind's parameters: the settings field, how to show its value. */
    private record Param<S>(String field, Function<S, String> value) {
    }

    /** Every optimizer parameter but the learning rate, in the settings' order; each kind reads some (its descriptor). */
    private static final List<Param<OptimizerSettings>> OPTIMIZER_PARAMS = Arrays.stream(OptimizerParam.values())
            .filter(slot -> slot != OptimizerParam.LEARNING_RATE)
            .map(slot -> new Param<OptimizerSettings>(slot.field(), o -> Numbers.compact(slot.get(o))))
            .toList();

    private static Set<String> reads(OptimizerKind kind) {
        return kind.descriptor().params().stream().map(p -> p.slot().field()).collect(Collectors.toSet());
    }

    /** The parameters shown with a kind's name when the kind changes. */
    private static Set<String> main(OptimizerKind kind) {
        return kind.descriptor().params().stream().filter(OptimizerDescriptor.Param::main)
                .map(p -> p.slot().field()).collect(Collectors.toSet());
    }

    private static void optimizer(Diff d, Messages l, OptimizerSettings p, OptimizerSettings c) {
        if (p.kind() != c.kind()) {
            d.simple("optimizer.kind", kindWith(l, optimizerName(p.kind()), p, OPTIMIZER_PARAMS, main(p.kind()), reads(c.kind()),
                            labels(p.kind())),
                    kindWith(l, optimizerName(c.kind()), c, OPTIMIZER_PARAMS, main(c.kind()), reads(p.kind()),
                            labels(c.kind())));
        }
        d.simple("optimizer.learningRate", Numbers.compact(p.learningRate()), Numbers.compact(c.learningRate()));
        for (Param<OptimizerSettings> param : OPTIMIZER_PARAMS) {
            if (reads(p.kind()).contains(param.field()) && reads(c.kind()).contains(param.field())) {
                d.simple(param.field(), labels(c.kind()).apply(param.field()),
                        param.value().apply(p), param.value().apply(c));
            }
        }
    }

    /** A field's label path as the kind names it (Adadelta calls the squared-gradient decay ρ). */
    private static Function<String, String> labels(OptimizerKind kind) {
        return field -> kind.descriptor().label(OptimizerParam.of(field));
    }

    static String optimizerName(OptimizerKind kind) {
        return kind.descriptor().name();
    }

    /** Every scheduler parameter, in the settings' order; each kind reads some ({@link SchedulerKind#params()}). */
    private static final List<Param<SchedulerSettings>> SCHEDULER_PARAMS = Arrays.stream(SchedulerParam.values())
            .map(param -> new Param<SchedulerSettings>(param.field(), s -> {
                Object value = param.get(s);
                return value instanceof Double d ? Numbers.compact(d) : String.valueOf(value);
            }))
            .toList();

    private static Set<String> reads(SchedulerKind kind) {
        return kind.params().stream().map(SchedulerParam::field).collect(Collectors.toSet());
    }

    private static Set<String> main(SchedulerKind kind) {
        return kind.main().stream().map(SchedulerParam::field).collect(Collectors.toSet());
    }

    private static void scheduler(Diff d, Messages l, SchedulerSettings p, SchedulerSettings c) {
        if (p.kind() != c.kind()) {
            d.simple("scheduler.kind",
                    kindWith(l, schedulerName(p.kind(), l), p, SCHEDULER_PARAMS, main(p.kind()), reads(c.kind())),
                    kindWith(l, schedulerName(c.kind(), l), c, SCHEDULER_PARAMS, main(c.kind()), reads(p.kind())));
        }
        for (Param<SchedulerSettings> param : SCHEDULER_PARAMS) {
            if (reads(p.kind()).contains(param.field()) && reads(c.kind()).contains(param.field())) {
                d.simple(param.field(), param.value().apply(p), param.value().apply(c));
            }
        }
    }

    /** PyTorch's class name, the same in every language. */
    static String schedulerName(SchedulerKind kind) {
        return kind.torchName();
    }

    private static String schedulerName(SchedulerKind kind, Messages l) {
        return kind == SchedulerKind.NONE ? l.get("diff.none") : schedulerName(kind);
    }

    /** "Momentum (momentum 0.9)": the kind with its main parameters that the other kind does not read. */
    private static <S> String kindWith(Messages l, String name, S settings, List<Param<S>> params, Set<String> main,
                                       Set<String> otherReads) {
        return kindWith(l, name, settings, params, main, otherReads, field -> field);
    }

    /** @param label the label path of a field for this kind (Adadelta calls the squared-gradient decay ρ) */
    private static <S> String kindWith(Messages l, String name, S settings, List<Param<S>> params, Set<String> main,
                                       Set<String> otherReads, Function<String, String> label) {
        List<String> shown = new ArrayList<>();
        for (Param<S> param : params) {
            if (main.contains(param.field()) && !otherReads.contains(param.field())) {
                shown.add(l.format("diff.param", l.get("diff.field." + label.apply(param.field())), param.value().apply(settings)));
            }
        }
        return shown.isEmpty() ? name : l.format("diff.kind.params", name, String.join(l.get("diff.list.separator"), shown));
    }

    /** Collects changes with labels "field: before → after". */
    private static final class Diff {
        final Messages labels;
        final List<Change> changes = new ArrayList<>();

        Diff(Messages labels) {
            this.labels = labels;
        }

        void simple(String field, Object before, Object after) {
            simple(field, field, before, after);
        }

        /** @param label the path whose label names the field ({@code diff.field.<label>}) */
        void simple(String field, String label, Object before, Object after) {
            String b = String.valueOf(before);
            String a = String.valueOf(after);
            if (!b.equals(a)) {
                add(field, labels.format("diff.change", labels.get("diff.field." + label), b, a));
            }
        }

        void add(String field, String label) {
            changes.add(new Change(field, label));
        }
    }
}
