package org.trainlab.session;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs that are one experiment repeated with several seeds: one row in the runs list, one colour on the
 * charts (the mean as the line, a band around it). Member {@code k} trains with
 * {@link org.trainlab.experiment.compare.SeedPlan#memberSeed SeedPlan.memberSeed(baseSeed, k)}.
 *
 * @param id            unique within its session, never shown
 * @param name          the experiment's name, without the seed
 * @param parentGroupId the group it changes one thing of (member k linked to the parent's member k), else null
 * @param baseSeed      the seed member seeds derive from
 * @param runIds        the members, seed by seed
 * @param names         the name in each language it is known in (a preset's run names), by language tag
 *                      ("en", "ko"); empty for a name the user typed, and in sessions from before
 */
public record RunGroup(String id, String name, String parentGroupId, long baseSeed, List<String> runIds,
                       Map<String, String> names) {

    public RunGroup {
        Objects.requireNonNull(id, "id is null: every group needs one");
        Objects.requireNonNull(name, "name is null: every group needs one");
        runIds = runIds == null ? List.of() : List.copyOf(runIds);
        names = names == null ? Map.of() : Map.copyOf(names);
    }

    public RunGroup(String id, String name, String parentGroupId, long baseSeed, List<String> runIds) {
        this(id, name, parentGroupId, baseSeed, runIds, Map.of());
    }

    /** The name in {@code locale}'s language when known, else as it was made. */
    public String name(Locale locale) {
        return names.getOrDefault(locale.getLanguage(), name);
    }

    public boolean contains(String runId) {
        return runIds.contains(runId);
    }

    /** The group without one member; the members after it keep their seeds (they are not renumbered). */
    public RunGroup without(String runId) {
        return new RunGroup(id, name, parentGroupId, baseSeed, runIds.stream().filter(r -> !r.equals(runId)).toList(),
                names);
    }
}
