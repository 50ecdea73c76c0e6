package org.trainlab.ui.hall;

import java.util.Optional;

/**
 * Where the presentation view reads the selected run's verdict (what its curves say, in a sentence).
 * Until something provides verdicts, the view shows the run's best held-out accuracy and its gap.
 */
@FunctionalInterface
public interface Verdicts {

    /** Nothing to say of any run. */
    Verdicts NONE = runId -> Optional.empty();

    /** The verdict text for the run with this id, in the window's language; empty when there is none yet. */
    Optional<String> verdict(String runId);
}
