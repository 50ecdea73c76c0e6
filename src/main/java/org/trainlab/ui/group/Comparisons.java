package org.trainlab.ui.group;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trainlab.experiment.compare.Verdict;
import org.trainlab.export.VerdictCsv;
import org.trainlab.session.RunGroup;
import org.trainlab.session.Session;

/**
 * Which group each group is compared with: the group it came from unless the user picked another one
 * ("Compare with…"). A pick is kept until the user changes it or one of the two groups is gone.
 */
public final class Comparisons {

    private final Map<String, String> chosen = new LinkedHashMap<>();

    /** Compares {@code groupId} with {@code againstId} from now on; {@code null} (or itself) goes back to its parent group. */
    public void choose(String groupId, String againstId) {
        Objects.requireNonNull(groupId, "groupId");
        if (againstId == null || againstId.equals(groupId)) {
            chosen.remove(groupId);
        } else {
            chosen.put(groupId, againstId);
        }
    }

    /** The group picked for this one, if the user picked one. */
    public Optional<String> chosen(String groupId) {
        return Optional.ofNullable(chosen.get(groupId));
    }

    /** The picks as group id → the id of the group it is compared with (a copy). */
    public Map<String, String> asMap() {
        return Map.copyOf(chosen);
    }

    /**
     * The verdict of {@code group} against the group picked for it while that group is still in the
     * session, else against its parent group; empty for a group with neither.
     */
    public Optional<Verdict> verdict(Session s, RunGroup group) {
        return VerdictCsv.verdict(s, group, chosen);
    }
}
