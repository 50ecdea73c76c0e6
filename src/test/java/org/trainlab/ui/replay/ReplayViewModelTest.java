package org.trainlab.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Replay;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.runs.RunRow;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.runs.Status;
import org.trainlab.ui.settings.FakeDatasets;

/** Replays on their own: the runs model over a finished session, no queue and no trainer. */
class ReplayViewModelTest {

    private final AtomicLong clock = new AtomicLong();
    private final ChartsModel charts = new ChartsModel();
    private final RunsViewModel runs = new RunsViewModel(new LiveSession(Session.empty()),
            FakeDatasets.viewModel(new FakeDatasets()), charts, () -> { }, new SimpleObjectProperty<>(Locale.ENGLISH));
    private final ReplayViewModel replay = new ReplayViewModel(runs, clock::get);

    @Test
    void aFinishedRunReplaysEpochByEpochAndTheListSaysSo() {
        SessionRun done = SessionRun.queued("a", 0, Defaults.settings().withName("Done"))
                .withEpoch(epoch(1)).withEpoch(epoch(2)).withState(RunState.COMPLETED, null);
        runs.load(Session.empty().withRun(done).withSelected(List.of("a")).withActiveRunId("a"));
        runs.activateLoaded();
        assertTrue(replay.replayableProperty().get());

        replay.replaySpeedProperty().set(Replay.Speed.epochsPerSecond(1));
        replay.replay();
        assertTrue(replay.replayingProperty().get());
        assertFalse(replay.replayableProperty().get(), "not twice at once");
        assertEquals(RunRow.Phase.REPLAYING, runs.rows().get(0).phaseProperty().get());
        assertEquals(0, charts.accuracy().getSeries(1).getItemCount());

        clock.set(1_500_000_000L);
        replay.replayTick();
        assertEquals(1, charts.accuracy().getSeries(1).getItemCount(), "one epoch a second");

        clock.set(5_000_000_000L);
        replay.replayTick();
        assertEquals(2, charts.accuracy().getSeries(1).getItemCount());
        assertFalse(replay.replayingProperty().get());
        assertEquals(Status.of("status.replayed"), runs.statusProperty().get());
        assertEquals(RunRow.Phase.COMPLETED, runs.rows().get(0).phaseProperty().get());
    }

    @Test
    void aGroupsMeanAndBandReplayWithItsSeeds() {
        Session s = org.trainlab.session.Groups.comparison(Session.empty(), List.of(Defaults.settings().withName("Plain")),
                3, Locale.ENGLISH);
        for (SessionRun r : s.runs()) {
            s = s.updateRun(r.id(), x -> x.withEpoch(epoch(1)).withEpoch(epoch(2)).withEpoch(epoch(3))
                    .withState(RunState.COMPLETED, null));
        }
        runs.load(s.withActiveRunId(s.runs().get(0).id()));
        runs.activateLoaded();
        String mean = org.trainlab.ui.group.Grouping.MEAN_PREFIX + s.groups().get(0).id();
        assertEquals(3, charts.accuracy().getSeries(mean + "/heldOutAccuracy").getItemCount(), "the mean, whole");

        replay.replaySpeedProperty().set(Replay.Speed.epochsPerSecond(1));
        replay.replay();
        assertEquals(0, charts.accuracy().getSeries(mean + "/heldOutAccuracy").getItemCount(), "the mean starts over");
        clock.set(2_500_000_000L);
        replay.replayTick();
        assertEquals(2, charts.accuracy().getSeries(mean + "/heldOutAccuracy").getItemCount(), "two epochs in 2.5 s");
        assertEquals(2, runs.grouping().replayedProperty().get().get(mean), "the band goes as far as the mean");

        clock.set(9_000_000_000L);
        replay.replayTick();
        assertEquals(3, charts.accuracy().getSeries(mean + "/heldOutAccuracy").getItemCount());
        assertTrue(runs.grouping().replayedProperty().get().isEmpty(), "the bands whole again once it ends");
    }

    private static EpochMetrics epoch(int n) {
        return new EpochMetrics(n, 4L * n, 1.0 / n, 0.6 + n / 10.0, 1.1 / n, 0.55 + n / 20.0, 1e-3, 1e-3, 10, 100, 2.0 * n);
    }
}
