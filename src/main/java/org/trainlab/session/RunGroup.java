package org.trainlab.session;

import java.util.List;
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
 */
public record RunGroup(String id, String name, String parentGroupId, long baseSeed, List<String> runIds) {

    public RunGroup {
        Objects.requireNonNull(id, "id is null: every group needs one");
        Objects.requireNonNull(name, "name is null: every group needs one");
        runIds = runIds == null ? List.of() : List.copyOf(runIds);
    }

    public boolean contains(String runId) {
        return runIds.contains(runId);
    }

    /** The group without one member; the members after it keep their seeds (they are not renumbered). */
    public RunGroup without(String runId) {
        return new RunGroup(id, name, parentGroupId, baseSeed, runIds.stream().filter(r -> !r.equals(runId)).toList());
    }
}
