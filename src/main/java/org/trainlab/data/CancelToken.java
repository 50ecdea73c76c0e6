package org.trainlab.data;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asked between chunks of long work (downloads) whether to stop. A plain functional interface so
 * any flag can serve, e.g. {@code runState::isStopping}.
 */
@FunctionalInterface
public interface CancelToken {

    CancelToken NEVER = () -> false;

    boolean isCancelled();

    static CancelToken of(AtomicBoolean flag) {
        return flag::get;
    }
}
