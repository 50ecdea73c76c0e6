package org.trainlab.ui.hall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.text.Messages;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.settings.FakeDatasets;

/** The presentation view's strip makes a run's chip once, however many runs are added after it, and keeps it told. */
@ExtendWith(ApplicationExtension.class)
class CompactRunsStripTest {

    private final LiveSession live = new LiveSession(Session.empty());
    private final RunsViewModel runs = new RunsViewModel(live, FakeDatasets.viewModel(new FakeDatasets()),
            new ChartsModel(), () -> { }, new SimpleObjectProperty<>(Locale.ENGLISH));

    private void add(int i) {
        runs.change(s -> s.withRun(SessionRun.queued("r" + i, i, Defaults.settings().withName("Run " + i))));
    }

    private static String name(Node chip) {
        return ((Label) ((HBox) chip).getChildren().get(1)).getText();
    }

    @Test
    void eachRunsChipIsMadeOnceAndFollowsItsRun() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            CompactRunsStrip strip = new CompactRunsStrip(runs, Messages.of(Messages.ENGLISH));
            HBox chips = (HBox) strip.node();
            add(0);
            assertEquals(0, chips.getChildren().size(), "out of the window, the strip makes no chips");
            new Scene(new StackPane(chips));
            assertEquals(1, chips.getChildren().size(), "shown, it catches up");
            Node first = chips.getChildren().get(0);
            for (int i = 1; i < 6; i++) {
                add(i); // a preset adds its runs one by one
            }
            assertEquals(6, chips.getChildren().size());
            assertSame(first, chips.getChildren().get(0), "the first run's chip was kept as the others came");
            List<String> names = new ArrayList<>();
            chips.getChildren().forEach(c -> names.add(name(c)));
            assertEquals(List.of("Run 0", "Run 1", "Run 2", "Run 3", "Run 4", "Run 5"), names);

            Label firstName = (Label) ((HBox) first).getChildren().get(1);
            assertTrue(firstName.getTooltip().getText().startsWith("Run 0\n"), firstName.getTooltip().getText());
            runs.change(s -> s.updateRun("r0", r -> r.withSettings(r.settings().withName("Baseline"))));
            assertEquals("Baseline", name(chips.getChildren().get(0)), "a renamed run's chip says its new name");
            assertTrue(firstName.getTooltip().getText().startsWith("Baseline\n"), "and so does its tooltip");

            add(6); // seven runs: the chips no longer keep their gap whole, so they are made anew
            assertEquals(7, chips.getChildren().size());
            assertNotSame(first, chips.getChildren().get(0));
            runs.change(s -> s.withoutRun("r3"));
            assertEquals(6, chips.getChildren().size());
            assertTrue(chips.getChildren().stream().noneMatch(c -> "r3".equals(c.getUserData())), "a removed run's chip goes");
            strip.dispose();
            return null;
        }));
    }
}
