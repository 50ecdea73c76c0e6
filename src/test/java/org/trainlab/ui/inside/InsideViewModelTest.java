package org.trainlab.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainlab.ui.inside.InsideSamples.epoch;
import static org.trainlab.ui.inside.InsideSamples.matrix;
import static org.trainlab.ui.inside.InsideSamples.mistake;

import java.util.List;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.Mistake;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.charts.RunEvent;

/**
 * The Inside view model on hand-made figures: which runs and epoch it shows, the digits behind a
 * confusion cell, worst first, the difference sentence between a run and the run it came from, and
 * that it reads nothing while hidden.
 */
class InsideViewModelTest {

    private final LiveSession live = new LiveSession(Session.empty());
    private final MetricDrain drain = new MetricDrain();
    private final SimpleObjectProperty<String> selected = new SimpleObjectProperty<>();
    private final InsideSamples.FakeAccess access = new InsideSamples.FakeAccess();
    private InsideViewModel vm;

    private static final InsideEpoch PLAIN_1 = epoch(1, matrix(50, 4, 9, 10, 7, 2, 5), List.of(
            mistake(11, 4, 9, 0.62), mistake(12, 4, 9, 0.98), mistake(13, 7, 2, 0.91), mistake(14, 4, 9, 0.75)));
    private static final InsideEpoch PLAIN_2 = epoch(2, matrix(55, 4, 9, 8, 7, 2, 5), List.of(
            mistake(12, 4, 9, 0.97), mistake(13, 7, 2, 0.55)));
    private static final InsideEpoch AUGMENTED_2 = epoch(2, matrix(57, 4, 9, 2, 7, 2, 1, 9, 4, 3), List.of(
            mistake(21, 9, 4, 0.85), mistake(22, 4, 9, 0.60)));

    private static SessionRun run(String id, int color, String name, List<InsideEpoch> inside, TrainedWeights w) {
        SessionRun r = SessionRun.queued(id, color, Defaults.settings().withName(name))
                .withState(RunState.COMPLETED, null);
        for (InsideEpoch e : inside) {
            r = r.withInside(e);
        }
        return w == null ? r : r.withTrainedWeights(w);
    }

    private static TrainedWeights weights(int epoch) {
        return new TrainedWeights(Defaults.settings().model(), epoch, 0.13, 0.31, new float[] {1, 2, 3}, null);
    }

    @BeforeEach
    void session() {
        SessionRun plain = run("plain", 0, "Plain", List.of(PLAIN_1, PLAIN_2), weights(7));
        SessionRun augmented = run("aug", 1, "Augmented", List.of(PLAIN_1, AUGMENTED_2), weights(4))
                .withParentId("plain");
        live.replace(Session.empty().withRun(plain).withRun(augmented));
        vm = new InsideViewModel(live, drain, selected, access, Runnable::run);
    }

    @Test
    void hiddenItReadsNothingShownItReadsTheSelectedRunAtItsLatestEpoch() {
        selected.set("plain");
        assertEquals(List.of(), vm.shownProperty().get(), "nothing read while the view is hidden");

        vm.showingProperty().set(true);
        List<InsideViewModel.Shown> shown = vm.shownProperty().get();
        assertEquals(1, shown.size(), "a run with no parent is shown alone");
        assertSame(PLAIN_2, shown.get(0).epoch());
        assertEquals(2, vm.epochsProperty().get());
        assertEquals(2, vm.epochProperty().get());

        vm.epochProperty().set(1);
        assertSame(PLAIN_1, vm.shownProperty().get().get(0).epoch());

        // a third epoch ends: the slider stays where the user put it, and its range grows
        live.updateRun("plain", r -> r.withInside(epoch(3, matrix(60), List.of())));
        drain.offer(new RunEvent.SessionChanged());
        drain.drain();
        assertSame(PLAIN_1, vm.shownProperty().get().get(0).epoch());
        assertEquals(3, vm.epochsProperty().get());

        vm.epochProperty().set(3);
        assertTrue(vm.followLatestProperty().get(), "back at the last epoch, it follows new ones again");
    }

    @Test
    void aClickedCellShowsTheDigitsBehindItMostConfidentFirst() {
        selected.set("plain");
        vm.showingProperty().set(true);
        vm.epochProperty().set(1);

        vm.selectCell(new InsideViewModel.Cell(0, 4, 9));
        List<Mistake> behind = vm.cellMistakes();
        assertEquals(List.of(12, 14, 11), behind.stream().map(Mistake::heldOutIndex).toList());
        assertEquals(10, vm.cellCount(), "the matrix counts ten, three of them kept");

        vm.selectCell(new InsideViewModel.Cell(0, 7, 2));
        assertEquals(List.of(13), vm.cellMistakes().stream().map(Mistake::heldOutIndex).toList());
        vm.selectCell(new InsideViewModel.Cell(0, 3, 3));
        assertEquals(List.of(), vm.cellMistakes(), "a diagonal cell holds no mistakes");

        // the digits behind the mistakes were loaded for drawing
        assertEquals(784, vm.digit(vm.shownProperty().get().get(0).run(), 12).length);
        // another run: the selection goes
        selected.set("aug");
        assertNull(vm.cellProperty().get());
    }

    @Test
    void aRunIsComparedWithTheRunItCameFromInOneSentence() {
        selected.set("aug");
        vm.showingProperty().set(true);

        List<InsideViewModel.Shown> shown = vm.shownProperty().get();
        assertEquals(List.of("aug", "plain"), shown.stream().map(InsideViewModel.Shown::id).toList());
        assertEquals("plain", vm.compareIdProperty().get());
        // what the selected run changed from the run it came from
        Phrase sentence = vm.differenceProperty().get();
        assertEquals("inside.diff.fixedAndBroke", sentence.key());
        assertEquals(List.of("Augmented", 10, "4→9 ×6, 7→2 ×4", 3, "9→4 ×3"), sentence.args());

        vm.compareWith(null);
        assertEquals(1, vm.shownProperty().get().size());
        assertNull(vm.differenceProperty().get());

        // the worst-first grid of each run
        vm.compareWith("plain");
        assertEquals(List.of(21, 22), vm.worstFirst(vm.shownProperty().get().get(0)).stream()
                .map(Mistake::heldOutIndex).toList());
    }

    @Test
    void theDrawnDigitIsAnsweredByEveryRunShownAndNetworksCloseWhenNotShown() {
        selected.set("aug");
        vm.showingProperty().set(true);
        assertEquals(2, access.opened);

        vm.pad().stroke(10, 5, 12, 22);
        assertEquals(2, vm.padAnswers().size());
        assertEquals(4, argmax(vm.padAnswers().get("aug")), "each run answers with its own network");
        assertEquals(7, argmax(vm.padAnswers().get("plain")));
        float[] asked = access.asked.get(0);
        assertEquals(784, asked.length, "the network sees an MNIST-sized digit");

        vm.compareWith(null);
        assertEquals(1, access.closed, "the run no longer shown gives its network back");
        vm.pad().clear();
        assertEquals(0, vm.padAnswers().size(), "a blank pad has no answer");
        vm.dispose();
        assertEquals(2, access.closed);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
