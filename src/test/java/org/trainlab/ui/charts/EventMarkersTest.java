package org.trainlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.session.LossCurve;
import org.trainlab.session.Replay;
import org.trainlab.session.SessionRun;

/** Markers for learning-rate changes with their reason, the best epoch and a divergence, also after a replay. */
class EventMarkersTest {

    @Test
    void learningRateChangesCarryTheSchedulersReason() {
        List<EpochMetrics> epochs = List.of(epoch(1, 0.1, 0.1, 0.80), epoch(2, 0.1, 0.01, 0.90),
                epoch(3, 0.01, 0.01, 0.93), epoch(4, 0.01, 0.001, 0.92));
        List<EventMarkers.Marker> step = EventMarkers.of(SchedulerKind.STEP, epochs, Double.NaN);
        assertEquals(List.of(new EventMarkers.Marker(EventMarkers.Kind.LR_STEP, 2, 2, 0.1, 0.01),
                new EventMarkers.Marker(EventMarkers.Kind.BEST, 3, 3, 0.93, Double.NaN),
                new EventMarkers.Marker(EventMarkers.Kind.LR_STEP, 4, 4, 0.01, 0.001)), step);
        assertEquals(EventMarkers.Kind.LR_MILESTONE, EventMarkers.of(SchedulerKind.MULTI_STEP, epochs, Double.NaN).get(0).kind());
        assertEquals(EventMarkers.Kind.LR_PLATEAU, EventMarkers.of(SchedulerKind.REDUCE_ON_PLATEAU, epochs, Double.NaN).get(0).kind());
        assertTrue(EventMarkers.of(SchedulerKind.COSINE, epochs, Double.NaN).stream()
                .noneMatch(m -> m.kind().name().startsWith("LR_")), "a rate changing every epoch gets no change markers");
    }

    @Test
    void aDivergenceIsMarkedWhereTheLossStoppedBeingANumber() {
        List<EpochMetrics> epochs = List.of(epoch(1, 0.1, 0.1, 0.5),
                new EpochMetrics(2, 8, 5.0, 0.1, Double.NaN, 0.1, 0.1, 0.1, 10, 100, 4));
        List<EventMarkers.Marker> markers = EventMarkers.of(SchedulerKind.NONE, epochs, Double.NaN);
        assertEquals(List.of(new EventMarkers.Marker(EventMarkers.Kind.BEST, 1, 1, 0.5, Double.NaN),
                new EventMarkers.Marker(EventMarkers.Kind.DIVERGED, 2, 2, Double.NaN, Double.NaN)), markers);
        assertEquals(1.25, EventMarkers.of(SchedulerKind.NONE, epochs.subList(0, 1), 1.25).get(1).x(),
                "a batch that diverged marks its own spot");
    }

    @Test
    void markersOfTheHighlightedRunArePresentAfterAReplay() {
        ExperimentSettings settings = Defaults.settings()
                .withScheduler(Defaults.scheduler().withKind(SchedulerKind.REDUCE_ON_PLATEAU));
        LossCurve.Builder losses = new LossCurve.Builder();
        for (int i = 1; i <= 12; i++) {
            losses.add(i, 2.0 / i);
        }
        SessionRun run = SessionRun.queued("p", 0, settings).withEpoch(epoch(1, 0.1, 0.1, 0.8))
                .withEpoch(epoch(2, 0.1, 0.01, 0.85)).withEpoch(epoch(3, 0.01, 0.01, 0.84))
                .withLosses(losses.build()).withState(RunState.COMPLETED, null);
        ChartsModel model = new ChartsModel();
        model.load(run);
        model.setOverlay(List.of(new ChartsModel.Overlay("p", 0, "Plateau")), "p");
        List<EventMarkers.Marker> loaded = model.markersProperty().get();
        assertEquals(List.of(EventMarkers.Kind.LR_PLATEAU, EventMarkers.Kind.BEST),
                loaded.stream().map(EventMarkers.Marker::kind).toList());

        Replay replay = Replay.of(run, Replay.Speed.epochsPerSecond(1));
        model.beginReplay(run);
        assertEquals(List.of(), model.markersProperty().get(), "a replay starts from nothing");
        Replay.Frame halfway = replay.at(1.5);
        model.showReplay(run, halfway.epochs(), halfway.lossPoints());
        assertEquals(List.of(EventMarkers.Kind.BEST), model.markersProperty().get().stream()
                .map(EventMarkers.Marker::kind).toList(), "only what the replay has reached");
        Replay.Frame end = replay.at(replay.duration());
        model.showReplay(run, end.epochs(), end.lossPoints());
        assertEquals(loaded, model.markersProperty().get(), "the same markers once the replay is over");
    }

    private static EpochMetrics epoch(int n, double lr, double next, double heldOutAccuracy) {
        return new EpochMetrics(n, 4L * n, 1.0 / n, 0.9, 1.1 / n, heldOutAccuracy, lr, next, 10, 100, 2.0 * n);
    }
}
