package org.trainlab.ui.group;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;
import org.trainlab.experiment.compare.Criterion;
import org.trainlab.experiment.compare.Outcome;
import org.trainlab.experiment.compare.SeedPlan;
import org.trainlab.experiment.compare.Verdict;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.compare.VerdictText;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.text.SettingsDiff;
import org.trainlab.preset.Preset;
import org.trainlab.session.Groups;
import org.trainlab.session.Prediction;
import org.trainlab.session.RunGroup;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.experiment.text.Messages;

/**
 * Groups of seeds in the window: how many seeds Start and presets use, the rows of the groups, which
 * members the runs list shows (those of expanded groups), the charts' view of a group (its mean as one
 * overlaid curve, the band and the single seeds for {@link GroupBands}), and the class's prediction.
 * The runs model calls {@link #refresh} whenever it brings its rows and the overlay up to date. FX thread.
 */
public final class Grouping {

    /** Chart ids of group means start with this; no run id (a UUID) does. */
    public static final String MEAN_PREFIX = "group:";

    /** Asks the class which candidate will win; answers the index, or -1 when skipped. */
    @FunctionalInterface
    public interface PredictHandler {
        void ask(String title, Criterion criterion, List<String> candidates, IntConsumer answer);
    }

    private final IntegerProperty seeds = new SimpleIntegerProperty(this, "seeds", 1);
    private final BooleanProperty minMax = new SimpleBooleanProperty(this, "minMax");
    private final BooleanProperty showSeeds = new SimpleBooleanProperty(this, "showSeeds");
    private final ObservableSet<String> expanded = FXCollections.observableSet();
    private final ObservableList<GroupRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<GroupBands.Band>> bands = new ReadOnlyObjectWrapper<>(this, "bands", List.of());
    private final ReadOnlyStringWrapper prediction = new ReadOnlyStringWrapper(this, "prediction", "");
    private final ReadOnlyObjectWrapper<Map<String, Integer>> replayed = new ReadOnlyObjectWrapper<>(this, "replayed", Map.of());
    private final javafx.beans.property.ReadOnlyBooleanWrapper listShown =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "listShown", true);
    private final Map<String, String> memberOf = new HashMap<>();
    private final Comparisons comparisons = new Comparisons();
    private final Map<String, Integer> loadedMeans = new HashMap<>();
    private final List<Filter<?>> filtered = new ArrayList<>();
    private PredictHandler predictHandler = (title, criterion, candidates, answer) -> answer.accept(-1);
    private Session last = Session.empty();
    private Locale lastLocale = Locale.ENGLISH;

    public Grouping() {
        expanded.addListener((SetChangeListener<String>) c -> refilter());
    }

    // ---- Making groups

    /** Start with {@link #seedsProperty()} seeds: the settings as a group, linked to the run they were changed from. */
    public Session repeat(Session session, ExperimentSettings settings, String parentRunId, Locale locale) {
        return Groups.repeat(session, settings, seeds.get(), parentRunId, locale);
    }

    /** Seeds a preset trains with: the field's number when it asks for more than one, else the preset's. */
    public int seedsFor(Preset preset) {
        return seeds.get() > 1 ? seeds.get() : preset.seeds();
    }

    /** Before a preset queues: asks the class when the preset says so, then calls {@code then} with the answer (-1: none). */
    public void askFirst(Preset preset, Locale locale, IntConsumer then) {
        if (preset.predict() == null) {
            then.accept(-1);
            return;
        }
        List<String> names = preset.expand(locale).stream().map(ExperimentSettings::name).toList();
        predictHandler.ask(preset.name().get(locale), preset.predict(), names, then);
    }

    /** The preset's runs (grouped when more than one seed) added to the session, with the prediction if one was made. */
    public Session comparison(Session session, Preset preset, int predicted, Locale locale) {
        List<ExperimentSettings> settings = preset.expand(locale);
        int n = seedsFor(preset);
        // each group knows its name in every language of the preset, so another window's language names it too
        List<Map<String, String>> names = preset.runs().stream().map(r -> {
            Map<String, String> byLanguage = new HashMap<>();
            Messages.SUPPORTED.forEach(l -> byLanguage.put(l.getLanguage(), r.name().get(l)));
            return (Map<String, String>) byLanguage;
        }).toList();
        Session after = n > 1 ? Groups.comparison(session, settings, names, n, locale) : session.withComparison(settings);
        if (predicted >= 0 && preset.predict() != null) {
            List<String> candidates = new ArrayList<>();
            for (Groups.Unit u : Groups.units(after)) {
                if (u.members().stream().noneMatch(r -> session.run(r.id()).isPresent())) {
                    candidates.add(u.id());
                }
            }
            if (predicted < candidates.size()) {
                after = after.withPrediction(new Prediction(preset.name().get(locale), preset.predict(), candidates,
                        candidates.get(predicted)));
            }
        }
        return after;
    }

    /** The runs, groups, selection and predictions {@code after} added to {@code before}, as a change to a later session. */
    public static UnaryOperator<Session> additions(Session before, Session after) {
        return s -> {
            Session next = s;
            for (SessionRun r : after.runs()) {
                if (before.run(r.id()).isEmpty()) {
                    next = next.withRun(r);
                }
            }
            for (RunGroup g : after.groups()) {
                if (before.group(g.id()).isEmpty()) {
                    next = next.withGroup(g);
                }
            }
            for (int i = before.predictions().size(); i < after.predictions().size(); i++) {
                next = next.withPrediction(after.predictions().get(i));
            }
            return next;
        };
    }

    /** Ids of the runs {@code after} has and {@code before} has not, in list order. */
    public static List<String> added(Session before, Session after) {
        return after.runs().stream().map(SessionRun::id).filter(id -> before.run(id).isEmpty()).toList();
    }

    /**
     * The order to train new runs in: seed 1 of every group, then seed 2 of every group, and so on, so each
     * verdict has its first pairs early and firms up as the seeds come in.
     */
    public static List<String> queueOrder(Session session, List<String> ids) {
        List<String> ordered = new ArrayList<>(ids);
        ordered.sort(java.util.Comparator.comparingInt(id -> session.groupOf(id)
                .map(g -> g.runIds().indexOf(id)).orElse(0)));
        return ordered;
    }

    // ---- Keeping up with the session

    /**
     * Brings the group rows, the members the list shows, the group means on the charts and the bands up to
     * date, and returns the overlay with each group's members replaced by its mean.
     */
    public List<ChartsModel.Overlay> refresh(Session s, Locale locale, List<ChartsModel.Overlay> overlay,
                                             ChartsModel charts) {
        last = s;
        lastLocale = locale;
        Map<String, String> members = new HashMap<>();
        s.groups().forEach(g -> g.runIds().forEach(id -> members.put(id, g.id())));
        if (!members.equals(memberOf)) {
            memberOf.clear();
            memberOf.putAll(members);
            refilter();
        }
        Map<String, Groups.Unit> units = new LinkedHashMap<>();
        for (RunGroup g : s.groups()) {
            Groups.Unit unit = Groups.unit(s, g);
            units.put(g.id(), unit);
            loadMean(unit, charts);
        }
        List<ChartsModel.Overlay> shown = new ArrayList<>();
        List<GroupBands.Band> nextBands = new ArrayList<>();
        // the seeds in training, faint under their means, so the charts move between the means' epochs
        List<ChartsModel.Overlay> seeds = new ArrayList<>();
        for (ChartsModel.Overlay o : overlay) {
            String groupId = memberOf.get(o.runId());
            if (groupId == null) {
                shown.add(o);
                continue;
            }
            String meanId = MEAN_PREFIX + groupId;
            if (shown.stream().noneMatch(x -> x.runId().equals(meanId))) {
                Groups.Unit unit = units.get(groupId);
                String label = label(unit, s, locale);
                String verdict = comparisons.verdict(s, unit.group()).map(v -> VerdictText.sentence(v, locale)).orElse("");
                // with many groups the legend names each briefly (so it keeps to a line or two); its tooltip says what changed
                String name = units.size() >= GroupsView.COMPACT_FROM ? unit.name() : label;
                shown.add(new ChartsModel.Overlay(meanId, unit.colorIndex(), name,
                        verdict.isEmpty() ? label : label + "\n" + verdict));
                nextBands.add(GroupBands.Band.of(unit));
                unit.members().stream().filter(Grouping::training).forEach(m ->
                        seeds.add(ChartsModel.Overlay.seedOf(meanId, m.id(), unit.colorIndex(), m.name())));
            }
        }
        shown.addAll(seeds); // after every mean: the charts draw the first series on top
        if (!nextBands.equals(bands.get())) {
            bands.set(List.copyOf(nextBands));
        }
        updateRows(units, s, locale);
        updateListShown();
        prediction.set(predictionText(s, locale));
        return shown;
    }

    private static boolean training(SessionRun member) {
        return member.state() == RunState.RUNNING || member.state() == RunState.PAUSED;
    }

    /** The chart id to highlight for the active run: its group's mean when it is a member. */
    public String highlight(String activeRunId) {
        String group = activeRunId == null ? null : memberOf.get(activeRunId);
        return group == null ? activeRunId : MEAN_PREFIX + group;
    }

    /** The runs list's rows without the members of groups that are not expanded; follows changes. */
    public <T> ObservableList<T> visibleRows(ObservableList<T> all, Function<T, String> runId) {
        Filter<T> filter = new Filter<>(new FilteredList<>(all), runId);
        filter.list().setPredicate(r -> visible(runId.apply(r)));
        filtered.add(filter);
        return filter.list();
    }

    private record Filter<T>(FilteredList<T> list, Function<T, String> runId) {
        void refilter(Grouping grouping) {
            list.setPredicate(r -> grouping.visible(runId.apply(r)));
        }
    }

    private boolean visible(String runId) {
        String group = memberOf.get(runId);
        return group == null || expanded.contains(group);
    }

    private void refilter() {
        filtered.forEach(f -> f.refilter(this));
        updateListShown();
    }

    /** The runs list has something to show: no runs yet (its start buttons), a run of its own, or an expanded group. */
    private void updateListShown() {
        listShown.set(last.runs().isEmpty() || !expanded.isEmpty()
                || last.runs().stream().anyMatch(r -> !memberOf.containsKey(r.id())));
    }

    private void loadMean(Groups.Unit unit, ChartsModel charts) {
        int signature = Objects.hash(unit.members().stream().map(r -> r.epochs().size()).toList(), unit.colorIndex());
        String meanId = MEAN_PREFIX + unit.id();
        if (Objects.equals(loadedMeans.get(meanId), signature) || unit.members().isEmpty()) {
            return;
        }
        loadedMeans.put(meanId, signature);
        charts.load(MeanRun.of(meanId, unit));
    }

    /**
     * The means of the groups with a member among {@code runIds}, as runs the charts can replay (chart ids
     * {@link #MEAN_PREFIX} + group id): a replay of a group's seeds draws its mean as it goes.
     */
    public List<SessionRun> means(Session s, java.util.Collection<String> runIds) {
        List<SessionRun> means = new ArrayList<>();
        for (RunGroup g : s.groups()) {
            Groups.Unit unit = Groups.unit(s, g);
            if (!unit.members().isEmpty() && g.runIds().stream().anyMatch(runIds::contains)) {
                means.add(MeanRun.of(MEAN_PREFIX + g.id(), unit));
            }
        }
        return means;
    }

    /** The epochs a replay has drawn so far, by chart id; the bands of replaying means go no further. Empty when none replays. */
    public void showReplayed(Map<String, Integer> epochs) {
        if (!epochs.equals(replayed.get())) {
            replayed.set(Map.copyOf(epochs));
        }
    }

    public ReadOnlyObjectProperty<Map<String, Integer>> replayedProperty() { return replayed.getReadOnlyProperty(); }

    /** Forgets the means loaded on the charts (the charts were cleared: a session was opened). */
    public void clearCharts() {
        loadedMeans.clear();
    }

    private static String label(Groups.Unit unit, Session s, Locale locale) {
        String name = unit.name() + " (×" + unit.members().size() + ")";
        String diff = difference(unit, s, locale);
        return diff.isEmpty() ? name : name + " — " + diff;
    }

    private static String difference(Groups.Unit unit, Session s, Locale locale) {
        if (unit.members().isEmpty() || unit.members().get(0).parentId() == null) {
            return "";
        }
        SessionRun first = unit.members().get(0);
        return s.run(first.parentId()).map(p -> SettingsDiff.describe(p.settings(), first.settings(), locale)).orElse("");
    }

    private void updateRows(Map<String, Groups.Unit> units, Session s, Locale locale) {
        Map<String, GroupRow> existing = new HashMap<>();
        rows.forEach(r -> existing.put(r.id(), r));
        List<GroupRow> next = new ArrayList<>();
        for (Groups.Unit unit : units.values()) {
            GroupRow row = existing.computeIfAbsent(unit.id(), GroupRow::new);
            int done = 0;
            double share = 0;
            for (SessionRun r : unit.members()) {
                // a run's state in the session says it ended; its finished epochs say how far it got
                if (r.state().isFinal()) {
                    done++;
                    share += 1;
                } else {
                    share += Math.min(1, r.epochs().size() / (double) Math.max(1, r.settings().training().epochs()));
                }
            }
            int n = Math.max(1, unit.members().size());
            Verdict verdict = comparisons.verdict(s, unit.group()).orElse(null);
            row.update(unit.colorIndex(), unit.name(), difference(unit, s, locale), unit.members().stream()
                            .map(SessionRun::id).toList(), done, share / n, figures(unit.outcomes(), locale),
                    verdict == null ? "" : VerdictText.sentence(verdict, locale),
                    verdict == null ? "" : VerdictText.brief(verdict, locale), verdict == null ? null : verdict.kind());
            next.add(row);
        }
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
    }

    /** "best 89.1 % ± 0.6 · gap 10.2 points" over the seeds that finished an epoch. */
    static String figures(List<Outcome> outcomes, Locale locale) {
        List<Double> best = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.measured()) {
                best.add(100 * o.bestHeldOutAccuracy());
                gaps.add(100 * o.finalGap());
            }
        }
        if (best.isEmpty()) {
            return "";
        }
        double mean = best.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double sd = 0;
        for (double b : best) {
            sd += (b - mean) * (b - mean);
        }
        sd = best.size() > 1 ? Math.sqrt(sd / (best.size() - 1)) : 0;
        double gap = gaps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return Messages.of(locale).format("group.figures", mean, sd, gap);
    }

    /** The latest prediction and, once every candidate has ended, the actual winner. */
    static String predictionText(Session s, Locale locale) {
        if (s.predictions().isEmpty()) {
            return "";
        }
        Prediction p = s.predictions().get(s.predictions().size() - 1);
        List<Groups.Unit> candidates = new ArrayList<>();
        for (String id : p.candidates()) {
            Groups.unit(s, id).ifPresent(candidates::add);
        }
        String predicted = Groups.unit(s, p.predicted()).map(Groups.Unit::name).orElse("?");
        boolean ended = !candidates.isEmpty() && candidates.stream()
                .allMatch(u -> u.members().stream().allMatch(r -> r.state().isFinal()));
        int winner = ended ? p.criterion().winner(candidates.stream().map(Groups.Unit::outcomes).toList()) : -1;
        return VerdictText.prediction(p.criterion(), predicted, winner < 0 ? null : candidates.get(winner).name(), locale);
    }

    /**
     * From now on, the verdict of group {@code groupId} is against group {@code againstId} (any group in the
     * window, paired seed by seed); {@code null} goes back to the group it came from. The row follows at once.
     */
    public void compare(String groupId, String againstId) {
        comparisons.choose(groupId, againstId);
        Map<String, Groups.Unit> units = new LinkedHashMap<>();
        last.groups().forEach(g -> units.put(g.id(), Groups.unit(last, g)));
        updateRows(units, last, lastLocale);
    }

    // ---- Properties

    /** The groups the user picked to compare with. */
    public Comparisons comparisons() { return comparisons; }
    /** Seeds for Start and presets: one of {@link SeedPlan#CHOICES}. */
    public IntegerProperty seedsProperty() { return seeds; }
    /** Bands from the lowest to the highest seed instead of ± one standard deviation. */
    public BooleanProperty minMaxProperty() { return minMax; }
    /** Each seed drawn as a faint line under its group's mean. */
    public BooleanProperty showSeedsProperty() { return showSeeds; }
    /** Ids of the groups whose members the runs list shows. */
    public ObservableSet<String> expanded() { return expanded; }
    /** The groups, in list order. */
    public ObservableList<GroupRow> rows() { return rows; }
    /** The verdict of the group holding this run against the group it came from, as the list shows it; empty if none. */
    public Optional<String> verdictOf(String runId) {
        return rows.stream().filter(row -> row.memberIds().contains(runId))
                .map(row -> row.verdictProperty().get()).filter(text -> !text.isEmpty()).findFirst();
    }
    public ReadOnlyObjectProperty<List<GroupBands.Band>> bandsProperty() { return bands.getReadOnlyProperty(); }
    /** The latest prediction and how it came out; empty without one. */
    public ReadOnlyStringProperty predictionProperty() { return prediction.getReadOnlyProperty(); }
    /** Whether the runs list under the groups has rows to show; when every run is in a closed group it gives them its room. */
    public javafx.beans.property.ReadOnlyBooleanProperty listShownProperty() { return listShown.getReadOnlyProperty(); }
    public Session session() { return last; }
    public Locale locale() { return lastLocale; }

    public void setPredictHandler(PredictHandler handler) {
        predictHandler = Objects.requireNonNull(handler, "handler");
    }
}
