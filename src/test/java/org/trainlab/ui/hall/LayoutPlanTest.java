package org.trainlab.ui.hall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainlab.preset.LocalizedText;
import org.trainlab.preset.Preset;
import org.trainlab.preset.PresetLoader;

/**
 * How the window shares its room, in the sizes the layout test meets: chart chrome as measured there
 * (normal text: 100 px across, 120 down; projector text: 135 across, 185 down).
 */
class LayoutPlanTest {

    private static LayoutPlan.Room room(double width, double height, double shared, double legend, double zoom,
            boolean presenting) {
        double em = 13 * zoom;
        return new LayoutPlan.Room(width, height, shared, legend, zoom > 1 ? 135 : 100, zoom > 1 ? 185 : 120,
                0.5 * em, 0.5 * em, Math.min(28 * em, 0.26 * width), 10 * em, presenting ? 0 : 10 * em, presenting,
                2.2 * em);
    }

    /** The plan keeps its promise: every plot at least its minimum in the room it planned for. */
    private static void keepsPlots(LayoutPlan.Room r, LayoutPlan.Plan plan) {
        int columns = plan.oneRow() ? 3 : 2;
        int rows = plan.oneRow() ? 1 : 2;
        double panel = plan.autoFolded() ? r.foldedStrip() : plan.panelWidth();
        assertTrue(LayoutPlan.share(r, columns, rows, panel, r.height() - r.legend()) >= 1, plan + " in " + r);
    }

    @Test
    void aLargeScreenKeepsThePanelAndTwoRowsWithRoomForTheRuns() {
        LayoutPlan.Room r = room(1920, 1040, 900, 40, 1, false);
        LayoutPlan.Plan plan = LayoutPlan.plan(r);
        assertFalse(plan.oneRow());
        assertEquals(364, plan.panelWidth(), "its usual 28 em");
        assertTrue(r.height() - r.legend() - plan.gridMinHeight() >= 130, "the runs list keeps a few rows");
        keepsPlots(r, plan);
    }

    @Test
    void onAProjectorsScreenThePanelNarrowsAndTheChartsStandInOneRow() {
        LayoutPlan.Room r = room(1280, 720, 590, 40, 1, false);
        LayoutPlan.Plan plan = LayoutPlan.plan(r);
        assertTrue(plan.oneRow());
        assertTrue(plan.panelWidth() >= 130 && plan.panelWidth() < 333, "narrowed, not folded: " + plan.panelWidth());
        assertTrue(r.height() - r.legend() - plan.gridMinHeight() > 250, "the runs list shows its five runs");
        keepsPlots(r, plan);
    }

    @Test
    void withProjectorTextOnASmallScreenThePanelFoldsAway() {
        LayoutPlan.Room r = room(1280, 720, 545, 60, 1.5, false);
        LayoutPlan.Plan plan = LayoutPlan.plan(r);
        assertTrue(plan.oneRow());
        assertTrue(plan.autoFolded());
        keepsPlots(r, plan);
    }

    @Test
    void thePresentationViewUsesTwoRowsWhenTallEnoughElseOne() {
        LayoutPlan.Room tall = room(1920, 1080, 800, 70, 1.5, true);
        assertFalse(LayoutPlan.plan(tall).oneRow());
        keepsPlots(tall, LayoutPlan.plan(tall));
        LayoutPlan.Room short720 = room(1280, 720, 510, 135, 1.5, true);
        LayoutPlan.Plan plan = LayoutPlan.plan(short720);
        assertTrue(plan.oneRow());
        assertEquals(0, plan.panelWidth());
        assertFalse(plan.autoFolded(), "folded by the view, not for lack of room");
        keepsPlots(short720, plan);
    }

    @Test
    void whenNothingFitsTheArrangementKeepingMoreOfThePlotWins() {
        LayoutPlan.Room cramped = room(1000, 600, 380, 60, 1.5, false);
        LayoutPlan.Plan plan = LayoutPlan.plan(cramped);
        double chosen = LayoutPlan.share(cramped, plan.oneRow() ? 3 : 2, plan.oneRow() ? 1 : 2,
                plan.oneRow() ? cramped.foldedStrip() : plan.panelWidth(), 320);
        double other = LayoutPlan.share(cramped, plan.oneRow() ? 2 : 3, plan.oneRow() ? 2 : 1,
                plan.oneRow() ? cramped.panelMin() : cramped.foldedStrip(), 320);
        assertTrue(chosen >= other, chosen + " vs " + other);
    }

    @Test
    void aRunBelongsToTheLessonOfThePresetThatNamedItInEitherLanguage() {
        List<Preset> presets = PresetLoader.loadBundled();
        assertEquals("overfitting", Lessons.of("드롭아웃 0.2", presets).orElseThrow().id());
        assertEquals("overfitting", Lessons.of("Dropout 0.2", presets).orElseThrow().id());
        assertEquals("schedulers", Lessons.of("Constant learning rate", presets).orElseThrow().id());
        assertTrue(Lessons.of("My own run", presets).isEmpty());
        assertTrue(Lessons.of("", presets).isEmpty());
        Preset mine = new Preset("mine", "mine.json", LocalizedText.of("Mine", "내 것"), LocalizedText.of("M", "M"),
                List.of(new Preset.Run(LocalizedText.of("Dropout 0.2", "드롭아웃 0.2"), presets.get(0).runs().get(0).settings())));
        assertEquals("overfitting", Lessons.of("Dropout 0.2", List.of(presets.get(0), mine)).orElseThrow().id(),
                "the first in the list's order");
    }
}
