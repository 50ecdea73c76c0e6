package org.trainlab.ui.hall;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Subscription;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.runs.RunRow;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.runs.Status;
import org.trainlab.ui.theme.Palette;

/**
 * The runs list as the presentation view shows it: one chip per run in a strip, each with its colour,
 * name, status, best held-out accuracy and final gap (ten points or more in orange). A click selects
 * the run. The chips share the window's width: names too long for their chip are cut, with the whole
 * name and what the run changed in the tooltip.
 */
final class CompactRunsStrip {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass OVERFITTING = PseudoClass.getPseudoClass("overfitting");
    /** Up to this many runs, each chip's gap stays whole (five fit 1280 px at 150 %). */
    private static final int KEEP_FIGURES_UP_TO = 6;

    private final RunsViewModel runs;
    private final Messages messages;
    private final HBox chips = new HBox();
    private final List<Subscription> subscriptions = new ArrayList<>();
    /** The chips made so far, by row: a row's chip is made once, not again each time the list changes. */
    private final Map<RunRow, Chip> made = new IdentityHashMap<>();
    private final ListChangeListener<RunRow> rowsChanged = c -> fillIfShown();
    /** The rows changed while the strip was out of the window (the usual layout shows the list instead). */
    private boolean stale;

    /** A run's chip, what it listens to, and whether it keeps its gap whole. */
    private record Chip(HBox node, List<Subscription> subscriptions, boolean keepFigures) {
        void dispose() {
            subscriptions.forEach(Subscription::unsubscribe);
        }
    }

    CompactRunsStrip(RunsViewModel runs, Messages messages) {
        this.runs = runs;
        this.messages = messages;
        chips.getStyleClass().add("hall-chips");
        chips.setAlignment(Pos.CENTER_LEFT);
        chips.setId("hall-strip");
        chips.getStyleClass().add("hall-strip");
        chips.setMinWidth(0);
        chips.setMinHeight(Region.USE_PREF_SIZE);
        runs.rows().addListener(rowsChanged);
        subscriptions.add(() -> runs.rows().removeListener(rowsChanged));
        subscriptions.add(runs.activeRunIdProperty().subscribe(id -> markSelected()));
        subscriptions.add(chips.sceneProperty().subscribe(scene -> {
            if (scene != null && stale) {
                fill();
            }
        }));
        fillIfShown();
    }

    Node node() {
        return chips;
    }

    /**
     * Only the presentation view shows the strip: out of the window it makes no chips (a preset's click
     * made five, with their tooltips, for nobody to see) and catches up when it is shown.
     */
    private void fillIfShown() {
        if (chips.getScene() == null) {
            stale = true;
            return;
        }
        fill();
    }

    /**
     * The strip as the runs list is now. A preset of 25 runs adds its rows one by one: each row's chip is
     * made once (making every chip again at each row took the click 0.4 s), and again only when the
     * number of runs decides anew whether chips keep their gap whole.
     */
    private void fill() {
        stale = false;
        // a lecture's few runs keep their gap whole (the figure the lesson is about) and give way in their
        // names and other figures first; many runs share it all
        boolean keepFigures = runs.rows().size() <= KEEP_FIGURES_UP_TO;
        Map<RunRow, Chip> now = new IdentityHashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (RunRow row : runs.rows()) {
            Chip chip = made.remove(row);
            if (chip == null || chip.keepFigures() != keepFigures) {
                if (chip != null) {
                    chip.dispose();
                }
                chip = chip(row, keepFigures);
            }
            now.put(row, chip);
            nodes.add(chip.node());
        }
        made.values().forEach(Chip::dispose); // rows removed
        made.clear();
        made.putAll(now);
        chips.getChildren().setAll(nodes);
        markSelected();
    }

    private Chip chip(RunRow row, boolean keepFigures) {
        List<Subscription> chipSubscriptions = new ArrayList<>();
        Region swatch = new Region();
        swatch.getStyleClass().add("run-swatch");
        Label name = new Label();
        name.getStyleClass().add("hall-chip-name");
        name.setMinWidth(0);
        Label status = new Label();
        status.getStyleClass().add("hall-chip-status");
        Label best = new Label();
        best.getStyleClass().add("hall-chip-figure");
        Label gap = new Label();
        gap.getStyleClass().addAll("hall-chip-figure", "hall-chip-gap");
        chipSubscriptions.add(row.colorIndexProperty().subscribe(i -> {
            swatch.getStyleClass().removeIf(c -> c.startsWith("run-color-"));
            swatch.getStyleClass().add("run-color-" + Math.floorMod(i.intValue(), Palette.RUN_COLORS));
        }));
        // the chips share the window's width: any part may be cut, and each says the whole chip on hover
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.getStyleClass().add("wide-tooltip");
        for (Label part : new Label[] {name, status, best, gap}) {
            part.setMinWidth(0);
            part.setTooltip(tip);
        }
        Runnable describe = () -> {
            name.setText(row.nameProperty().get());
            Status s = row.statusProperty().get();
            status.setText(messages.format(s.key(), s.args().toArray()));
            double b = row.bestAccuracyProperty().get();
            best.setText(Double.isNaN(b) ? "" : messages.format("hall.strip.best", b));
            double g = row.finalGapProperty().get();
            gap.setText(Double.isNaN(g) ? "" : messages.format("hall.strip.gap", g));
            // ten points or more: the overfitting the lecture is about, as in the runs list
            gap.pseudoClassStateChanged(OVERFITTING, g >= 0.1);
            String parent = row.parentNameProperty().get();
            String what = row.differenceProperty().get();
            StringBuilder text = new StringBuilder(row.nameProperty().get());
            if (!parent.isEmpty()) {
                text.append('\n').append(what.isEmpty() ? messages.format("runs.same", parent)
                        : messages.format("runs.difference", parent, what));
            }
            text.append('\n').append(status.getText());
            if (!Double.isNaN(b)) {
                text.append('\n').append(messages.format("hall.strip.tooltip", b, row.bestEpochProperty().get(), g));
            }
            tip.setText(text.toString());
        };
        describe.run();
        // described again when any of these changes (describe reads them all, so each tells its next change)
        for (javafx.beans.Observable told : List.of(row.nameProperty(), row.differenceProperty(), row.statusProperty(),
                row.bestAccuracyProperty(), row.finalGapProperty(), row.parentNameProperty(), row.bestEpochProperty())) {
            chipSubscriptions.add(told.subscribe(describe));
        }
        // a finished run's figures say enough; the others say where they are
        chipSubscriptions.add(row.phaseProperty().subscribe(p -> {
            boolean shown = p != RunRow.Phase.COMPLETED;
            status.setVisible(shown);
            status.setManaged(shown);
        }));
        swatch.setMinWidth(Region.USE_PREF_SIZE);
        if (keepFigures) {
            gap.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox chip = new HBox(swatch, name, status, best, gap);
        chip.getStyleClass().add("hall-chip");
        chip.setMinWidth(0);
        chip.setMaxWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(chip, javafx.scene.layout.Priority.SOMETIMES);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.setUserData(row.id());
        chip.setOnMouseClicked(e -> runs.activeRunIdProperty().set(row.id()));
        return new Chip(chip, chipSubscriptions, keepFigures);
    }

    private void markSelected() {
        String id = runs.activeRunIdProperty().get();
        for (Node chip : chips.getChildren()) {
            chip.pseudoClassStateChanged(SELECTED, chip.getUserData().equals(id));
        }
    }

    void dispose() {
        made.values().forEach(Chip::dispose);
        made.clear();
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }
}
