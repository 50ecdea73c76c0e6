package org.trainlab.ui.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.trainlab.engine.TrainingListener;
import org.trainlab.experiment.compare.Criterion;
import org.trainlab.experiment.compare.SeedPlan;
import org.trainlab.experiment.record.BatchMetrics;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.preset.Lesson;
import org.trainlab.preset.LocalizedText;
import org.trainlab.preset.Preset;
import org.trainlab.session.LiveSession;
import org.trainlab.session.RunGroup;
import org.trainlab.session.Session;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.runs.Trainer;
import org.trainlab.ui.settings.FakeDatasets;
import org.trainlab.ui.settings.SettingsViewModel;
import org.trainlab.ui.tasks.SameThreadTasks;
import org.trainlab.ui.workspace.Workspace;

/** Groups of seeds through the runs model: Start and presets with seeds, the list, the charts, the prediction. */
class GroupingTest {

    private final SettingsViewModel settings = FakeDatasets.viewModel(new FakeDatasets());
    private final MetricDrain drain = new MetricDrain();
    private final ChartsModel charts = new ChartsModel();
    private final LiveSession live = new LiveSession(Session.empty());
    private final List<Submitted> submitted = new ArrayList<>();
    private final Trainer trainer = new Trainer() {
        @Override
        public Control submit(ExperimentSettings s, TrainingListener listener) {
            submitted.add(new Submitted(s, listener));
            return new Control() {
                public void pause() { }
                public void resume() { }
                public void stop() { }
            };
        }

        @Override
        public void setConcurrency(int n) {
        }
    };
    private final Workspace workspace = new Workspace(live, settings, charts, trainer, drain, () -> { },
            new SameThreadTasks(), System::nanoTime, new SimpleObjectProperty<>(Locale.ENGLISH));
    private final RunsViewModel vm = workspace.runs();

    private record Submitted(ExperimentSettings settings, TrainingListener listener) {
        /** Trains the run to the end with held-out accuracy {@code accuracy} at its last epoch. */
        void train(double accuracy) {
            listener.onStateChanged(RunState.RUNNING, null);
            listener.onEpoch(new EpochMetrics(1, 4, 1.0, 0.7, 1.1, accuracy - 0.05, 1e-3, 1e-3, 10, 100, 1));
            listener.onEpoch(new EpochMetrics(2, 8, 0.5, 0.9, 0.9, accuracy, 1e-3, 1e-3, 10, 100, 2));
            listener.onStateChanged(RunState.COMPLETED, null);
        }
    }

    private static Preset preset(Criterion predict) {
        ExperimentSettings base = Defaults.settings();
        return new Preset("t", "t", LocalizedText.of("Overfitting", "오버피팅"), LocalizedText.of("D", "D"), List.of(
                new Preset.Run(LocalizedText.of("No regularization", "정형화 없음"), base),
                new Preset.Run(LocalizedText.of("Dropout 0.2", "드롭아웃 0.2"),
                        base.withModel(new ModelSettings(base.model().kind(), false, 0.2)))), 3, predict, Lesson.NONE);
    }

    @Test
    void startWithThreeSeedsQueuesOneGroupShownAsOneRowAndOneCurve() {
        vm.grouping().seedsProperty().set(3);
        workspace.queue().start();
        Session s = live.snapshot();
        assertEquals(1, s.groups().size());
        RunGroup group = s.groups().get(0);
        assertEquals(3, group.runIds().size());
        assertEquals(Defaults.settings().training().seed(), group.baseSeed());
        assertEquals(SeedPlan.memberSeed(group.baseSeed(), 0), submitted.get(0).settings().training().seed());
        assertEquals(1, submitted.size(), "the members queue as ordinary runs, one at a time");
        assertEquals(3, vm.rows().size());
        assertEquals(1, vm.grouping().rows().size(), "one group row");
        assertEquals("Baseline", vm.grouping().rows().get(0).nameProperty().get());
        assertEquals(List.of(Grouping.MEAN_PREFIX + group.id()),
                charts.overlaysProperty().get().stream().map(ChartsModel.Overlay::runId).toList(), "one curve, the mean");

        submitted.get(0).train(0.8);
        drain.drain();
        assertEquals(2, submitted.size());
        assertEquals(SeedPlan.memberSeed(group.baseSeed(), 1), submitted.get(1).settings().training().seed());
        assertEquals(1, vm.grouping().rows().get(0).finishedProperty().get());
        assertEquals(1 / 3.0, vm.grouping().rows().get(0).progressProperty().get(), 1e-9);
        assertEquals(2, charts.accuracy().getSeries(1).getItemCount(), "the mean's held-out curve has both epochs");
        assertEquals(1, vm.grouping().bandsProperty().get().size());
    }

    @Test
    void aSeedInTrainingMovesFaintlyUnderItsGroupsMeanUntilItEnds() {
        vm.grouping().seedsProperty().set(3);
        workspace.queue().start();
        String meanId = Grouping.MEAN_PREFIX + live.snapshot().groups().get(0).id();
        TrainingListener first = submitted.get(0).listener();
        first.onStateChanged(RunState.RUNNING, null);
        drain.drain();
        List<ChartsModel.Overlay> shown = charts.overlaysProperty().get();
        assertEquals(2, shown.size(), "the mean and the seed in training");
        assertEquals(meanId, shown.get(0).runId());
        assertFalse(shown.get(0).faint());
        ChartsModel.Overlay seed = shown.get(1);
        assertEquals(live.snapshot().groups().get(0).runIds().get(0), seed.runId());
        assertTrue(seed.faint());
        assertEquals(meanId, seed.shownAs(), "hidden and shown with its group's legend entry");
        assertEquals(shown.get(0).colorIndex(), seed.colorIndex(), "in its group's colour");

        long before = charts.refreshCount();
        first.onBatch(new BatchMetrics(1, 1, 4, 1, 2.0, 1e-3));
        drain.drain();
        assertEquals(before + 1, charts.refreshCount(), "a batch of the seed moves the charts");
        assertEquals(1, charts.batchLoss().getSeries(1).getItemCount(), "the seed's batch loss is drawn");

        first.onEpoch(new EpochMetrics(1, 4, 1.0, 0.7, 1.1, 0.75, 1e-3, 1e-3, 10, 100, 1));
        first.onStateChanged(RunState.COMPLETED, null);
        drain.drain();
        assertEquals(List.of(meanId), charts.overlaysProperty().get().stream().map(ChartsModel.Overlay::runId).toList(),
                "once it ended, only the mean; the next seed waits to start");
    }

    @Test
    void aPresetWithSeedsGivesAVerdictPerCureAndNamesTheWinnerNextToThePrediction() {
        AtomicReference<List<String>> asked = new AtomicReference<>();
        vm.grouping().setPredictHandler((title, criterion, candidates, answer) -> {
            asked.set(candidates);
            answer.accept(0);
        });
        workspace.queue().setConcurrency(8);
        workspace.presets().queuePreset(preset(Criterion.ACCURACY));
        assertEquals(List.of("No regularization", "Dropout 0.2"), asked.get());
        Session s = live.snapshot();
        assertEquals(2, s.groups().size());
        assertEquals(1, s.predictions().size());
        assertEquals(s.groups().get(0).id(), s.predictions().get(0).predicted());
        assertEquals("Predicted (best held-out accuracy): No regularization.", vm.grouping().predictionProperty().get());
        assertEquals(6, submitted.size());
        assertEquals(List.of(0.0, 0.2, 0.0, 0.2), submitted.stream().limit(4).map(x -> x.settings().model().dropoutRate())
                .toList(), "seed 1 of each group first, then seed 2, ...");
        double[] accuracies = {0.80, 0.85, 0.82, 0.86, 0.81, 0.86};
        for (int i = 0; i < 6; i++) {
            submitted.get(i).train(accuracies[i]);
        }
        drain.drain();
        GroupRow child = vm.grouping().rows().get(1);
        assertTrue(child.verdictProperty().get().startsWith("Dropout 0.2 vs No regularization: held-out accuracy +4.7"
                + " points (95% CI"), child.verdictProperty().get());
        assertTrue(child.verdictProperty().get().contains("better in 3 of 3 seeds"), child.verdictProperty().get());
        assertEquals("", vm.grouping().rows().get(0).verdictProperty().get(), "the reference has none");
        assertEquals("Predicted (best held-out accuracy): No regularization. Actual: Dropout 0.2."
                + " The prediction was wrong.", vm.grouping().predictionProperty().get());
        ChartsModel.Overlay legend = charts.overlaysProperty().get().get(1);
        assertTrue(legend.detail().contains("better in 3 of 3 seeds"), "the legend's tooltip says it: " + legend.detail());
    }

    @Test
    void anyTwoGroupsCanBeComparedAndThePickIsKeptAndExported() {
        workspace.queue().setConcurrency(8);
        workspace.presets().queuePreset(preset(null));
        double[] accuracies = {0.80, 0.85, 0.82, 0.86, 0.81, 0.86};
        for (int i = 0; i < submitted.size(); i++) {
            submitted.get(i).train(accuracies[i]);
        }
        drain.drain();
        List<GroupRow> rows = vm.grouping().rows();
        assertEquals(2, rows.size());
        GroupRow baseline = rows.get(0);
        assertEquals("", baseline.verdictProperty().get(), "no parent, nothing picked: no verdict");

        vm.grouping().compare(baseline.id(), rows.get(1).id());
        assertTrue(baseline.verdictProperty().get().startsWith("No regularization vs Dropout 0.2: held-out accuracy −4.7"),
                baseline.verdictProperty().get());
        assertTrue(baseline.verdictProperty().get().contains("worse in 3 of 3 seeds"), baseline.verdictProperty().get());
        assertEquals(org.trainlab.experiment.compare.Verdict.Kind.WORSE, baseline.kindProperty().get());

        submitted.get(0).listener().onEpoch(new EpochMetrics(3, 12, 0.4, 0.9, 0.9, 0.8, 1e-3, 1e-3, 10, 100, 3));
        drain.drain();
        assertTrue(baseline.verdictProperty().get().startsWith("No regularization vs Dropout 0.2"), "kept until changed");
        String csv = org.trainlab.export.VerdictCsv.of(live.snapshot(), Locale.ENGLISH,
                vm.grouping().comparisons().asMap());
        assertTrue(csv.contains("No regularization,Dropout 0.2,3,"), csv);
        assertTrue(csv.contains("Dropout 0.2,No regularization,3,"), "the child's own verdict stays: " + csv);

        vm.grouping().compare(baseline.id(), null);
        assertEquals("", baseline.verdictProperty().get(), "back to the group it came from: none");
    }

    @Test
    void theFiguresSpeakTheWindowsLanguage() {
        List<org.trainlab.experiment.compare.Outcome> seeds = List.of(
                new org.trainlab.experiment.compare.Outcome(0.885, 0.4, 0.100),
                new org.trainlab.experiment.compare.Outcome(0.897, 0.4, 0.104));
        assertEquals("89.1 % ± 0.8 · gap 10.2", Grouping.figures(seeds, Locale.ENGLISH));
        assertEquals("89.1 % ± 0.8 · 차이 10.2", Grouping.figures(seeds, Locale.KOREAN));
    }

    @Test
    void membersAreListedOnlyWhenTheirGroupIsExpanded() {
        vm.grouping().seedsProperty().set(3);
        workspace.queue().start();
        var visible = vm.grouping().visibleRows(vm.rows(), org.trainlab.ui.runs.RunRow::id);
        assertEquals(0, visible.size());
        vm.grouping().expanded().add(live.snapshot().groups().get(0).id());
        assertEquals(3, visible.size());
    }

    @Test
    void aSkippedPredictionLeavesNoneAndAPresetWithoutOneAsksNothing() {
        vm.grouping().setPredictHandler((title, criterion, candidates, answer) -> answer.accept(-1));
        workspace.presets().queuePreset(preset(Criterion.GAP));
        assertEquals(0, live.snapshot().predictions().size());
        vm.grouping().setPredictHandler((title, criterion, candidates, answer) -> {
            throw new AssertionError("not asked");
        });
        workspace.presets().queuePreset(preset(null));
        assertEquals(4, live.snapshot().groups().size());
    }

    @Test
    void membersQueuedInKoreanReadInEnglishOnceTheWindowIs() {
        SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.KOREAN);
        LiveSession session = new LiveSession(Session.empty());
        Workspace korean = new Workspace(session, settings, new ChartsModel(), trainer, drain, () -> { },
                new SameThreadTasks(), System::nanoTime, language);
        korean.presets().queuePreset(preset(null));
        RunsViewModel runs = korean.runs();
        assertEquals("드롭아웃 0.2 · 시드 3", runs.rows().get(5).nameProperty().get());
        assertEquals("드롭아웃 0.2", runs.grouping().rows().get(1).nameProperty().get());

        language.set(Locale.ENGLISH);
        assertEquals("Dropout 0.2 · seed 3", runs.rows().get(5).nameProperty().get());
        assertEquals("No regularization · seed 1", runs.rows().get(0).nameProperty().get());
        assertEquals("Dropout 0.2", runs.grouping().rows().get(1).nameProperty().get());
        assertEquals("드롭아웃 0.2 · 시드 3", session.snapshot().run(runs.rows().get(5).id()).orElseThrow().name(),
                "the session keeps the name as it was made");
    }
}
