package org.trainlab.ui.hall;

import java.util.ArrayList;
import java.util.List;

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
    private final List<Subscription> chipSubscriptions = new ArrayList<>();
    private final ListChangeListener<RunRow> rowsChanged = c -> fill();

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
        fill();
    }

    Node node() {
        return chips;
    }

    private void fill() {
        chipSubscriptions.forEach(Subscription::unsubscribe);
        chipSubscriptions.clear();
        chips.getChildren().clear();
        // a lecture's few runs keep their gap whole (the figure the lesson is about) and give way in their
        // names and other figures first; many runs share it all
        boolean keepFigures = runs.rows().size() <= KEEP_FIGURES_UP_TO;
        for (RunRow row : runs.rows()) {
            chips.getChildren().add(chip(row, keepFigures));
        }
        markSelected();
    }

    private HBox chip(RunRow row, boolean keepFigures) {
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
        List<Tooltip> tips = new ArrayList<>();
        for (Label part : new Label[] {name, status, best, gap}) {
            part.setMinWidth(0);
            Tooltip tip = new Tooltip();
            tip.setWrapText(true);
            tip.getStyleClass().add("wide-tooltip");
            part.setTooltip(tip);
            tips.add(tip);
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
            tips.forEach(t -> t.setText(text.toString()));
        };
        chipSubscriptions.add(row.nameProperty().subscribe(x -> describe.run()));
        chipSubscriptions.add(row.differenceProperty().subscribe(x -> describe.run()));
        chipSubscriptions.add(row.statusProperty().subscribe(x -> describe.run()));
        chipSubscriptions.add(row.bestAccuracyProperty().subscribe(x -> describe.run()));
        chipSubscriptions.add(row.finalGapProperty().subscribe(x -> describe.run()));
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
        return chip;
    }

    private void markSelected() {
        String id = runs.activeRunIdProperty().get();
        for (Node chip : chips.getChildren()) {
            chip.pseudoClassStateChanged(SELECTED, chip.getUserData().equals(id));
        }
    }

    void dispose() {
        chipSubscriptions.forEach(Subscription::unsubscribe);
        chipSubscriptions.clear();
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }
}
