package org.trainlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.session.SessionRun;

/** Event markers for every run shown while few are, the highlighted run's on top; only its own with many. */
class MarkedRunsTest {

    private final ChartsModel model = new ChartsModel();

    @Test
    void everyRunShownIsMarkedWhileFewAreTheHighlightedLast() {
        List<ChartsModel.Overlay> overlay = runs(3);
        model.setOverlay(overlay, "r1");
        List<MarkedRuns.Marked> marked = MarkedRuns.of(model);
        assertEquals(List.of("r0", "r2", "r1"), marked.stream().map(MarkedRuns.Marked::runId).toList());
        assertEquals(List.of(false, false, true), marked.stream().map(MarkedRuns.Marked::highlighted).toList());
        assertEquals(List.of(EventMarkers.Kind.LR_STEP, EventMarkers.Kind.BEST),
                marked.get(0).markers().stream().map(EventMarkers.Marker::kind).toList());
        assertEquals(model.markersProperty().get(), marked.get(2).markers());
        assertEquals(List.of(EventMarkers.Kind.LR_STEP), MarkedRuns.at(model, "r0", 1).stream()
                .map(EventMarkers.Marker::kind).toList(), "the hover table names the thin line's reason");

        model.options().hidden().add("r0");
        assertEquals(List.of("r2", "r1"), MarkedRuns.of(model).stream().map(MarkedRuns.Marked::runId).toList(),
                "a hidden run has no markers");
    }

    @Test
    void withManyRunsShownOnlyTheHighlightedRunIsMarked() {
        model.setOverlay(runs(MarkedRuns.FEW + 1), "r3");
        assertEquals(List.of("r3"), MarkedRuns.of(model).stream().map(MarkedRuns.Marked::runId).toList());
    }

    /** Runs r0..r(n-1) with a step schedule: the rate drops after epoch 1, the best epoch is 2. */
    private List<ChartsModel.Overlay> runs(int n) {
        ExperimentSettings settings = Defaults.settings().withScheduler(Defaults.scheduler().withKind(SchedulerKind.STEP));
        List<ChartsModel.Overlay> overlay = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SessionRun run = SessionRun.queued("r" + i, i, settings)
                    .withEpoch(new EpochMetrics(1, 4, 1.0, 0.8, 1.1, 0.80, 0.1, 0.01, 10, 100, 2))
                    .withEpoch(new EpochMetrics(2, 8, 0.5, 0.9, 0.9, 0.85, 0.01, 0.01, 10, 100, 4))
                    .withState(RunState.COMPLETED, null);
            model.load(run);
            overlay.add(new ChartsModel.Overlay("r" + i, i, "Run " + i));
        }
        return overlay;
    }
}
