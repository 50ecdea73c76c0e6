package org.trainlab.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trainlab.experiment.compare.Outcome;
import org.trainlab.experiment.text.Messages;
import org.trainlab.experiment.compare.SeedPlan;
import org.trainlab.experiment.compare.Verdict;
import org.trainlab.experiment.compare.VerdictText;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.TrainingSettings;
import org.trainlab.experiment.validation.SettingsValidator;

/**
 * Groups of seeds in a session: making them (a repeated run, a repeated comparison) and reading them
 * (the list's units, each group's outcomes, the verdict of a child group against its parent).
 */
public final class Groups {

    /**
     * One line of a comparison: a group of seeds, or a run of its own.
     *
     * @param id      the group's id, or the run's
     * @param name    the group's name, or the run's
     * @param group   the group, or null for a run of its own
     * @param members the runs, seed by seed (one for a run of its own)
     */
    public record Unit(String id, String name, RunGroup group, List<SessionRun> members) {
        public boolean grouped() {
            return group != null;
        }

        /**
         * Every member's outcome, seed by seed; a seed still waiting or training has none yet, so a verdict
         * never compares a run cut short by the clock with one trained to the end.
         */
        public List<Outcome> outcomes() {
            return members.stream().map(r -> Outcome.of(r.state().isFinal() ? r.epochs() : List.of())).toList();
        }

        public int colorIndex() {
            return members.isEmpty() ? 0 : members.get(0).colorIndex();
        }
    }

    private Groups() {
    }

    /**
     * Adds {@code seeds} runs of the settings as one group at the end of the list (all selected), seed k
     * with {@link SeedPlan#memberSeed} of the settings' seed. With a parent group, member k is linked to
     * the parent's member k and keeps the parent's base seed unless the settings chose another seed than
     * the parent member it came from; with a parent run of its own, the first member is linked to it.
     *
     * @param parentRunId the run the settings were changed from (a member of a group, or a run), or null
     */
    public static Session repeat(Session session, ExperimentSettings settings, int seeds, String parentRunId,
                                 Locale locale) {
        String problem = SeedPlan.problem(seeds);
        if (problem != null) {
            throw new IllegalArgumentException("seeds " + problem);
        }
        SessionRun parentRun = parentRunId == null ? null : session.run(parentRunId).orElse(null);
        RunGroup parentGroup = parentRun == null ? null : session.groupOf(parentRun.id()).orElse(null);
        long base = settings.training().seed();
        if (parentGroup != null && parentRun.settings().training().seed() == base) {
            base = parentGroup.baseSeed(); // the seed was not the change: pair seed by seed
        }
        List<String> parents = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            parents.add(parentGroup != null && k < parentGroup.runIds().size() ? parentGroup.runIds().get(k)
                    : k == 0 && parentRun != null ? parentRun.id() : null);
        }
        return addGroup(session, settings, base, seeds, parentGroup == null ? null : parentGroup.id(), parents, locale,
                Map.of());
    }

    /**
     * A comparison (a preset's runs) with every run repeated {@code seeds} times: one group per run, the
     * first the reference; member k of every other group is linked to member k of the first.
     */
    public static Session comparison(Session session, List<ExperimentSettings> settings, int seeds, Locale locale) {
        return comparison(session, settings, List.of(), seeds, locale);
    }

    /**
     * As {@link #comparison(Session, List, int, Locale)}, with each run's name in every language it has
     * ({@code names.get(i)} for {@code settings.get(i)}, by language tag; may be shorter), so the window shows the
     * groups and their members in its own language whichever it was in when they were made.
     */
    public static Session comparison(Session session, List<ExperimentSettings> settings, List<Map<String, String>> names,
                                     int seeds, Locale locale) {
        Session next = session;
        int index = 0;
        RunGroup reference = null;
        for (ExperimentSettings s : settings) {
            List<String> parents = new ArrayList<>();
            for (int k = 0; k < seeds; k++) {
                parents.add(reference == null ? null : reference.runIds().get(k));
            }
            next = addGroup(next, s, s.training().seed(), seeds, reference == null ? null : reference.id(), parents,
                    locale, index < names.size() ? names.get(index) : Map.of());
            index++;
            RunGroup group = next.groups().get(next.groups().size() - 1);
            if (reference == null) {
                reference = group;
            }
        }
        return next;
    }

    private static Session addGroup(Session session, ExperimentSettings settings, long base, int seeds,
                                    String parentGroupId, List<String> parentIds, Locale locale,
                                    Map<String, String> names) {
        int color = session.nextColorIndex();
        String groupName = settings.name();
        Session next = session;
        List<String> ids = new ArrayList<>();
        TrainingSettings t = settings.training();
        for (int k = 0; k < seeds; k++) {
            ExperimentSettings member = settings
                    .withTraining(new TrainingSettings(t.epochs(), t.batchSize(), SeedPlan.memberSeed(base, k)))
                    .withName(memberName(groupName, k, locale));
            String id = SessionRun.newId();
            SessionRun run = SessionRun.queued(id, color, member).withParentId(parentIds.get(k));
            next = next.withRun(run);
            ids.add(id);
        }
        List<String> selected = new ArrayList<>(next.selected());
        selected.addAll(ids);
        return next.withSelected(selected)
                .withGroup(new RunGroup(SessionRun.newId(), groupName, parentGroupId, base, ids, names));
    }

    /**
     * The session as a window in {@code locale} shows it: each group under its name in that language (when
     * known), and each member still under the name it was given ("드롭아웃 0.2 · 시드 3") renamed from that
     * group's name and its seed in that language ("Dropout 0.2 · seed 3"); a member the user renamed keeps
     * its name. Only for showing: the session itself keeps the names as they were made.
     */
    public static Session localized(Session session, Locale locale) {
        if (session.groups().isEmpty()) {
            return session;
        }
        Map<String, String> renamed = new HashMap<>();
        List<RunGroup> groups = new ArrayList<>(session.groups().size());
        for (RunGroup g : session.groups()) {
            String name = g.name(locale);
            groups.add(name.equals(g.name()) ? g : new RunGroup(g.id(), name, g.parentGroupId(), g.baseSeed(),
                    g.runIds(), g.names()));
            Set<String> stems = new LinkedHashSet<>(g.names().values());
            stems.add(g.name());
            for (int k = 0; k < g.runIds().size(); k++) {
                String id = g.runIds().get(k);
                String stored = session.run(id).map(SessionRun::name).orElse(null);
                String shown = memberName(name, k, locale);
                if (stored != null && !stored.equals(shown) && madeAs(stored, stems, k)) {
                    renamed.put(id, shown);
                }
            }
        }
        if (renamed.isEmpty() && groups.equals(session.groups())) {
            return session;
        }
        List<SessionRun> runs = session.runs().stream().map(r -> renamed.containsKey(r.id())
                ? r.withSettings(r.settings().withName(renamed.get(r.id()))) : r).toList();
        return new Session(session.formatVersion(), runs, session.selected(), session.activeRunId(), groups,
                session.predictions());
    }

    /** Whether {@code stored} is the name a member {@code k} was given from one of the group's names, in any language. */
    private static boolean madeAs(String stored, Set<String> stems, int k) {
        for (String stem : stems) {
            for (Locale l : Messages.SUPPORTED) {
                if (stored.equals(memberName(stem, k, l))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "Dropout 0.2 · seed 3", cut so it stays a valid run name. */
    static String memberName(String groupName, int k, Locale locale) {
        String suffix = VerdictText.memberSuffix(k + 1, locale);
        int room = SettingsValidator.MAX_NAME_LENGTH - suffix.length();
        String stem = groupName.length() <= room ? groupName : groupName.substring(0, Math.max(1, room - 1)).strip() + "…";
        return stem + suffix;
    }

    /** The session's groups and the runs in no group, in the order of the runs list (a group where its first member is). */
    public static List<Unit> units(Session session) {
        List<Unit> units = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SessionRun run : session.runs()) {
            Optional<RunGroup> group = session.groupOf(run.id());
            if (group.isEmpty()) {
                units.add(new Unit(run.id(), run.name(), null, List.of(run)));
            } else if (seen.add(group.get().id())) {
                units.add(unit(session, group.get()));
            }
        }
        return units;
    }

    /** A group as a unit, its members in seed order. */
    public static Unit unit(Session session, RunGroup group) {
        List<SessionRun> members = new ArrayList<>();
        for (String id : group.runIds()) {
            session.run(id).ifPresent(members::add);
        }
        return new Unit(group.id(), group.name(), group, members);
    }

    /** The unit with this id (a group's or a run's), if any. */
    public static Optional<Unit> unit(Session session, String unitId) {
        Optional<RunGroup> group = session.group(unitId);
        if (group.isPresent()) {
            return Optional.of(unit(session, group.get()));
        }
        return session.run(unitId).map(r -> new Unit(r.id(), r.name(), null, List.of(r)));
    }

    /** The verdict of a group against its parent group, if it has one. */
    public static Optional<Verdict> verdictAgainstParent(Session session, RunGroup group) {
        if (group.parentGroupId() == null) {
            return Optional.empty();
        }
        return session.group(group.parentGroupId()).map(parent -> verdict(unit(session, parent), unit(session, group)));
    }

    /** B against A, seed k with seed k. */
    public static Verdict verdict(Unit a, Unit b) {
        return Verdict.of(a.name(), a.outcomes(), b.name(), b.outcomes());
    }
}
