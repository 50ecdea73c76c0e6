package org.trainlab.session;

import java.util.List;
import java.util.Map;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.record.Provenance;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.StateNote;

/** Sessions for tests. */
final class SessionSamples {

    private SessionSamples() {
    }

    static Provenance provenance() {
        return new Provenance(42L, "0.1.0", "17.0.15", "Linux 6.1", "amd64", "CPU nd4j-native",
                Map.of("nd4j", "1.0.0-M2.1"), "2025-01-02T03:04:05Z");
    }

    static EpochMetrics epoch(int n, long iteration, double elapsed) {
        return new EpochMetrics(n, iteration, 1.0 / n, 0.5 + n / 100.0, 1.2 / n, 0.45 + n / 100.0, 1e-3, 1e-3,
                10 + n, 2000, elapsed);
    }

    static LossCurve curve(long toIteration) {
        LossCurve.Builder b = new LossCurve.Builder();
        for (long i = 1; i <= toIteration; i++) {
            b.add(i, 2.3 / i);
        }
        return b.build();
    }

    /** A finished baseline, a diverged child of it (non-finite metrics), and a queued one. */
    static Session threeRuns() {
        ExperimentSettings base = Defaults.settings().withName("Baseline, 한글 \"quoted\"");
        SessionRun baseline = SessionRun.queued("run-a", 0, base)
                .withPrepared(0.1307, 0.3081, provenance())
                .withEpoch(epoch(1, 10, 1.5)).withEpoch(epoch(2, 20, 3.0))
                .withLosses(curve(20))
                .withState(RunState.COMPLETED, null);
        SessionRun diverged = SessionRun.derivedFrom(baseline,
                        base.withName("Dropout 0.3").withModel(new ModelSettings(Defaults.model().kind(), false, 0.3)),
                        "run-b", 1)
                .withPrepared(0, 1, provenance())
                .withEpoch(new EpochMetrics(1, 10, Double.NaN, 0.1, Double.POSITIVE_INFINITY, 0.098, 0.05, 0.05,
                        Double.NEGATIVE_INFINITY, 2400.0, 1.4))
                .withLosses(new LossCurve(1, List.of(new LossPoint(1, 2.3f), new LossPoint(2, Float.NaN))))
                .withState(RunState.DIVERGED, StateNote.of("run.note.diverged", "NaN", 2, 1, 2));
        SessionRun queued = SessionRun.queued("run-c", 2, base.withName("Queued"));
        return new Session(Session.FORMAT_VERSION, List.of(baseline, diverged, queued), List.of("run-a", "run-b"),
                "run-b");
    }
}
