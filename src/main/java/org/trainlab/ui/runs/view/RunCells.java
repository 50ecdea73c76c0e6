package org.trainlab.ui.runs.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.charts.ColorMenu;
import org.trainlab.ui.runs.RunRow;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.runs.queue.RunQueue;
import org.trainlab.ui.theme.CellGraphic;
import org.trainlab.ui.theme.HoverTooltip;
import org.trainlab.ui.theme.Palette;

/**
 * The runs list's cells: the box and colour, the name and what it changed, status and progress with a
 * cancel button, best held-out accuracy, final gap and the settings in one line.
 */
final class RunCells {

    /** A status cell's phase: {@code :phase-running}, {@code :phase-failed}, ... */
    private static final Map<RunRow.Phase, PseudoClass> PHASES = new EnumMap<>(RunRow.Phase.class);
    private static final PseudoClass OVERFITTING = PseudoClass.getPseudoClass("overfitting");

    static {
        for (RunRow.Phase p : RunRow.Phase.values()) {
            PHASES.put(p, PseudoClass.getPseudoClass("phase-" + p.name().toLowerCase(Locale.ROOT)));
        }
    }

    private final Messages messages;
    private final RunsViewModel runs;
    private final RunQueue queue;
    /** Every row's box and cancel button say the same: one tooltip each for the whole list. */
    private final Tooltip shownTip;
    private final Tooltip cancelTip;

    RunCells(Messages messages, RunsViewModel runs, RunQueue queue) {
        this.messages = messages;
        this.runs = runs;
        this.queue = queue;
        shownTip = new Tooltip(messages.get("runs.column.shown.tooltip"));
        cancelTip = new Tooltip(messages.get("runs.cancel.tooltip"));
    }

    /**
     * A cell bound to its row's properties while it shows that row, with its tooltip made on first hover
     * ({@link HoverTooltip}).
     */
    private abstract static class RowCell extends TableCell<RunRow, RunRow> {
        private final List<Subscription> bound = new ArrayList<>();
        private final HoverTooltip tip = new HoverTooltip(this, true);

        /** Shows {@code text} on hover; nothing for empty text. */
        void tooltip(String text) {
            tip.setText(text);
        }

        @Override
        protected void updateItem(RunRow row, boolean empty) {
            super.updateItem(row, empty);
            bound.forEach(Subscription::unsubscribe);
            bound.clear();
            if (empty || row == null) {
                CellGraphic.show(getGraphic(), false);
                setText(null);
                tooltip(null);
                forget();
                return;
            }
            show(row, bound);
            CellGraphic.show(getGraphic(), true);
        }

        abstract void show(RunRow row, List<Subscription> bound);

        /** Lets go of the last row's words in the hidden graphic. */
        void forget() {
        }
    }

    final class ShownCell extends RowCell {
        private final CheckBox box = new CheckBox();
        private final Region swatch = new Region();
        private final HBox graphic = new HBox(box, swatch);
        private RunRow row;

        ShownCell() {
            swatch.getStyleClass().add("run-swatch");
            graphic.getStyleClass().add("shown-cell");
            graphic.setAlignment(Pos.CENTER_LEFT);
            box.setTooltip(shownTip);
            box.selectedProperty().addListener((obs, was, on) -> {
                if (row != null && row.overlaidProperty().get() != on) {
                    row.overlaidProperty().set(on);
                }
            });
            // right click on the colour: the palette, as on the charts' legend
            graphic.setOnContextMenuRequested(e -> {
                RunRow r = row;
                if (r != null) {
                    ColorMenu.create(messages, r.colorIndexProperty().get(),
                            c -> runs.charts().options().chooseColor(r.id(), c)).show(swatch, e.getScreenX(), e.getScreenY());
                }
            });
        }

        @Override
        void show(RunRow r, List<Subscription> bound) {
            row = null;
            bound.add(r.overlaidProperty().subscribe(on -> box.setSelected(on)));
            bound.add(r.colorIndexProperty().subscribe(i -> {
                swatch.getStyleClass().removeIf(c -> c.startsWith("run-color-"));
                swatch.getStyleClass().add("run-color-" + Math.floorMod(i.intValue(), Palette.RUN_COLORS));
            }));
            row = r;
            bound.add(() -> row = null);
            setGraphic(graphic);
        }
    }

    final class NameCell extends RowCell {
        private final Label name = new Label();
        private final Label difference = new Label();
        private final VBox graphic = new VBox(name, difference);

        NameCell() {
            name.getStyleClass().add("run-name");
            difference.getStyleClass().add("run-difference");
            graphic.getStyleClass().add("name-cell");
        }

        @Override
        void show(RunRow r, List<Subscription> bound) {
            bound.add(r.nameProperty().subscribe(name::setText));
            Runnable diff = () -> {
                String parent = r.parentNameProperty().get();
                String what = r.differenceProperty().get();
                String text = parent.isEmpty() ? "" : what.isEmpty() ? messages.format("runs.same", parent)
                        : messages.format("runs.difference", parent, what);
                difference.setText(text);
                difference.setVisible(!text.isEmpty());
                difference.setManaged(!text.isEmpty());
                tooltip(text.isEmpty() ? r.nameProperty().get() : r.nameProperty().get() + "\n" + text);
            };
            bound.add(r.parentNameProperty().subscribe(x -> diff.run()));
            bound.add(r.differenceProperty().subscribe(x -> diff.run()));
            setGraphic(graphic);
        }

        @Override
        void forget() {
            name.setText("");
            difference.setText("");
        }
    }

    final class StatusCell extends RowCell {
        private final Label text = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Button cancel = new Button("✕");
        private final HBox graphic;
        private RunRow row;

        StatusCell() {
            text.getStyleClass().add("run-status");
            bar.getStyleClass().add("run-progress");
            bar.setMaxWidth(Double.MAX_VALUE);
            cancel.getStyleClass().add("cancel-button");
            cancel.setTooltip(cancelTip);
            cancel.setOnAction(e -> {
                if (row != null) {
                    queue.cancel(row.id());
                }
            });
            VBox left = new VBox(text, bar);
            left.getStyleClass().add("status-cell-text");
            HBox.setHgrow(left, Priority.ALWAYS);
            graphic = new HBox(left, cancel);
            graphic.setAlignment(Pos.CENTER_LEFT);
            graphic.getStyleClass().add("status-cell");
        }

        @Override
        void show(RunRow r, List<Subscription> bound) {
            row = r;
            bound.add(() -> row = null);
            Runnable tip = () -> tooltip(r.noteProperty().get() == null ? text.getText()
                    : text.getText() + "\n" + r.noteProperty().get().in(messages));
            bound.add(r.statusProperty().subscribe(s -> {
                text.setText(messages.format(s.key(), s.args().toArray()));
                tip.run();
            }));
            // a pseudo-class, not a style class: a change of phase restyles the status, not the whole cell
            bound.add(r.phaseProperty().subscribe(p -> {
                for (RunRow.Phase each : RunRow.Phase.values()) {
                    pseudoClassStateChanged(PHASES.get(each), each == p);
                }
            }));
            bound.add(r.progressProperty().subscribe(p -> {
                boolean show = !Double.isNaN(p.doubleValue());
                bar.setVisible(show);
                bar.setManaged(show);
                bar.setProgress(p.doubleValue() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : p.doubleValue());
            }));
            bound.add(r.cancellableProperty().subscribe(on -> {
                cancel.setVisible(on);
                cancel.setManaged(on);
            }));
            bound.add(r.noteProperty().subscribe(m -> tip.run()));
            setGraphic(graphic);
        }

        @Override
        void forget() {
            text.setText("");
        }
    }

    final class BestCell extends RowCell {
        @Override
        void show(RunRow r, List<Subscription> bound) {
            Runnable text = () -> {
                double best = r.bestAccuracyProperty().get();
                setText(Double.isNaN(best) ? "–" : messages.format("runs.best", best, r.bestEpochProperty().get()));
                tooltip(getText());
            };
            bound.add(r.bestAccuracyProperty().subscribe(x -> text.run()));
            bound.add(r.bestEpochProperty().subscribe(x -> text.run()));
        }
    }

    final class GapCell extends RowCell {
        @Override
        void show(RunRow r, List<Subscription> bound) {
            bound.add(r.finalGapProperty().subscribe(g -> {
                double gap = g.doubleValue();
                setText(Double.isNaN(gap) ? "–" : messages.format("runs.gap", gap));
                tooltip(getText());
                // a gap of ten points or more is the overfitting the lecture is about
                pseudoClassStateChanged(OVERFITTING, gap >= 0.1);
            }));
        }
    }

    final class SummaryCell extends RowCell {
        @Override
        void show(RunRow r, List<Subscription> bound) {
            bound.add(r.summaryProperty().subscribe(s -> {
                setText(s);
                tooltip(s);
            }));
        }
    }
}
