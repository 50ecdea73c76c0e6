package org.trainlab.ui.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.trainlab.session.Replay;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.runs.Status;

/**
 * Replays finished runs on the charts from their first epoch, at a chosen speed, slow enough to talk
 * over in a lecture. The window calls {@link #replayTick()} a few times a second while replaying.
 */
public final class ReplayViewModel implements RunsViewModel.Activity {

    /** The replay speeds offered, slowest first. */
    public static final List<Replay.Speed> REPLAY_SPEEDS = List.of(Replay.Speed.timesOriginal(1),
            Replay.Speed.timesOriginal(5), Replay.Speed.timesOriginal(20), Replay.Speed.epochsPerSecond(1),
            Replay.Speed.epochsPerSecond(2), Replay.Speed.epochsPerSecond(5));

    private final RunsViewModel runs;
    private final LongSupplier nanoClock;
    private final Map<String, Replaying> replays = new LinkedHashMap<>();
    private long replayStart;

    private final ReadOnlyBooleanWrapper replaying = new ReadOnlyBooleanWrapper(this, "replaying");
    /** Two epochs a second: a 40-epoch comparison replays in 20 seconds, slow enough to talk over. */
    private final ObjectProperty<Replay.Speed> replaySpeed = new SimpleObjectProperty<>(this, "replaySpeed",
            REPLAY_SPEEDS.get(4));
    private final ReadOnlyBooleanWrapper replayable = new ReadOnlyBooleanWrapper(this, "replayable");
    /** Run id to the epochs the replay has drawn so far; empty when nothing replays. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<Map<String, Integer>> replayedEpochs =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "replayedEpochs", Map.of());

    /** @param nanoClock the time for replays, {@link System#nanoTime()} in the window */
    public ReplayViewModel(RunsViewModel runs, LongSupplier nanoClock) {
        this.runs = runs;
        this.nanoClock = nanoClock;
        runs.addActivity(this);
        runs.addRefreshListener(this::updateReplayable);
    }

    /**
     * Replays the finished runs on the charts (those shown, or else the active one) from their first
     * epoch, at {@link #replaySpeedProperty()}; {@link #replayTick()} moves them on.
     */
    public void replay() {
        stopReplay();
        Session s = runs.session().snapshot();
        List<SessionRun> targets = new ArrayList<>();
        for (SessionRun r : s.runs()) {
            if (s.selected().contains(r.id()) && replayable(r)) {
                targets.add(r);
            }
        }
        if (targets.isEmpty()) {
            runs.activeRun().filter(this::replayable).ifPresent(targets::add);
        }
        if (targets.isEmpty()) {
            return;
        }
        // the groups' means (their lines on the charts) and bands replay with their seeds
        targets.addAll(runs.grouping().means(s, targets.stream().map(SessionRun::id).toList()));
        for (SessionRun r : targets) {
            replays.put(r.id(), new Replaying(r, Replay.of(r, replaySpeed.get())));
            runs.charts().beginReplay(r);
        }
        replayStart = nanoClock.getAsLong();
        Map<String, Integer> none = new LinkedHashMap<>();
        targets.forEach(r -> none.put(r.id(), 0));
        replayedEpochs.set(Map.copyOf(none));
        runs.grouping().showReplayed(none);
        replaying.set(true);
        runs.showStatus(Status.of("status.replaying", targets.size()));
        runs.refresh();
    }

    /** Shows what the replay has reached by now; call a few times a second while {@link #replayingProperty()}. */
    public void replayTick() {
        if (replays.isEmpty()) {
            return;
        }
        double seconds = (nanoClock.getAsLong() - replayStart) / 1e9;
        boolean done = true;
        Map<String, Integer> reached = new LinkedHashMap<>();
        for (Replaying r : replays.values()) {
            Replay.Frame frame = r.replay().at(seconds);
            runs.charts().showReplay(r.run(), frame.epochs(), frame.lossPoints());
            reached.put(r.run().id(), frame.epochs());
            done &= frame.finished();
        }
        if (!reached.equals(replayedEpochs.get())) {
            replayedEpochs.set(Map.copyOf(reached));
            runs.grouping().showReplayed(reached);
        }
        if (done) {
            endReplay();
            runs.showStatus(Status.of("status.replayed"));
        }
    }

    /** Ends a replay at once, with every curve complete. */
    public void stopReplay() {
        if (replays.isEmpty()) {
            return;
        }
        for (Replaying r : replays.values()) {
            runs.charts().showReplay(r.run(), r.run().epochs().size(), r.run().losses().points().size());
        }
        endReplay();
    }

    @Override
    public boolean replaying(String runId) {
        return replays.containsKey(runId);
    }

    private void endReplay() {
        replays.clear();
        replayedEpochs.set(Map.of());
        runs.grouping().showReplayed(Map.of());
        replaying.set(false);
        runs.refresh();
    }

    private boolean replayable(SessionRun run) {
        return run.state().isFinal() && !run.epochs().isEmpty() && !runs.inProgress(run.id());
    }

    private void updateReplayable(Session s) {
        String active = runs.activeRunIdProperty().get();
        replayable.set(!replaying.get() && s.runs().stream().anyMatch(r -> replayable(r)
                && (s.selected().contains(r.id()) || r.id().equals(active))));
    }

    // ---- Properties

    public ReadOnlyBooleanProperty replayingProperty() { return replaying.getReadOnlyProperty(); }
    /** Run id to the epochs a replay has drawn so far (only runs replaying now); empty otherwise. */
    public javafx.beans.property.ReadOnlyObjectProperty<Map<String, Integer>> replayedEpochsProperty() {
        return replayedEpochs.getReadOnlyProperty();
    }
    /** A finished run is shown (or active) that a replay could play. */
    public ReadOnlyBooleanProperty replayableProperty() { return replayable.getReadOnlyProperty(); }
    public ObjectProperty<Replay.Speed> replaySpeedProperty() { return replaySpeed; }

    private record Replaying(SessionRun run, Replay replay) {
    }
}
