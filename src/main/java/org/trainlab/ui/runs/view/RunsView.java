package org.trainlab.ui.runs.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.trainlab.preset.Preset;
import org.trainlab.session.Replay;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.runs.RunRow;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.workspace.Workspace;
import org.trainlab.ui.runs.queue.RunQueue;
import org.trainlab.ui.replay.ReplayViewModel;
import org.trainlab.ui.runs.queue.PresetsViewModel;
import org.trainlab.ui.runs.Status;
import org.trainlab.ui.theme.Palette;
import org.trainlab.ui.charts.ColorMenu;

/**
 * The runs list and its tools: each run with its colour and a box to show it on the charts, its name
 * and what it changed from the run it came from, status and progress with a cancel button, best
 * held-out accuracy, final gap and its settings in one line. Above it: duplicate and remove, the lecture
 * presets, how many runs train at once, and replay.
 */
public final class RunsView {

    private final RunsViewModel runs;
    private final RunQueue queue;
    private final ReplayViewModel replay;
    private final PresetsViewModel presets;
    private final Messages messages;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final ListChangeListener<Preset> presetListener = c -> fillPresetButtons();
    private TableView<RunRow> table;
    private FlowPane presetButtons;
    private VBox root;
    private boolean selecting;

    public RunsView(Workspace workspace, Messages messages) {
        this.runs = workspace.runs();
        this.queue = workspace.queue();
        this.replay = workspace.replay();
        this.presets = workspace.presets();
        this.messages = messages;
        createView();
        initListeners();
    }

    public Node node() {
        return root;
    }

    /** The list, for the window's keyboard focus and tests. */
    public TableView<RunRow> table() {
        return table;
    }

    private void createView() {
        root = new VBox(toolbar(), createTable());
        root.getStyleClass().add("runs");
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private FlowPane toolbar() {
        Label title = new Label(messages.get("runs.title"));
        title.getStyleClass().add("runs-title");

        Button duplicate = button("runs-duplicate", "runs.duplicate", "runs.duplicate.tooltip", queue::duplicate);
        disableUnless(duplicate, queue.canDuplicateProperty());
        Button remove = button("runs-remove", "runs.remove", "runs.remove.tooltip", queue::removeActive);
        disableUnless(remove, queue.canRemoveProperty());

        Label atOnce = new Label(messages.get("runs.concurrency"));
        atOnce.getStyleClass().add("toolbar-label");
        Spinner<Integer> concurrency = new Spinner<>(1, RunQueue.MAX_CONCURRENCY, queue.concurrencyProperty().get());
        concurrency.setId("runs-concurrency");
        concurrency.getStyleClass().add("concurrency");
        concurrency.setTooltip(new Tooltip(messages.get("runs.concurrency.tooltip")));
        SpinnerValueFactory<Integer> values = concurrency.getValueFactory();
        subscriptions.add(values.valueProperty().subscribe(n -> {
            if (n != null) {
                queue.setConcurrency(n);
            }
        }));
        subscriptions.add(queue.concurrencyProperty().subscribe(n -> values.setValue(n.intValue())));
        Label queueText = new Label();
        queueText.setId("runs-queue");
        queueText.getStyleClass().add("toolbar-label");
        subscriptions.add(queue.queueSummaryProperty().subscribe(s -> queueText.setText(messages.format(s.key(), s.args().toArray()))));

        Button replayButton = button("runs-replay", "runs.replay", "runs.replay.tooltip", replay::replay);
        disableUnless(replayButton, replay.replayableProperty());
        ComboBox<Replay.Speed> speed = new ComboBox<>();
        speed.setId("runs-replay-speed");
        speed.getItems().setAll(ReplayViewModel.REPLAY_SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Replay.Speed s) {
                return s == null ? "" : speedText(messages, s);
            }

            @Override
            public Replay.Speed fromString(String text) {
                return null;
            }
        });
        speed.valueProperty().bindBidirectional(replay.replaySpeedProperty());
        subscriptions.add(() -> speed.valueProperty().unbindBidirectional(replay.replaySpeedProperty()));
        speed.setTooltip(new Tooltip(messages.get("runs.replay.speed.tooltip")));
        Button stopReplay = button("runs-replay-stop", "runs.replay.stop", "runs.replay.stop.tooltip", replay::stopReplay);
        disableUnless(stopReplay, replay.replayingProperty());

        // wraps onto a second line in a narrow window rather than pushing the window wider
        FlowPane bar = new FlowPane(title, duplicate, remove, queueText, atOnce, concurrency, replayButton, speed, stopReplay);
        bar.getStyleClass().add("runs-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** "20× as fast", "1 epoch a second". */
    static String speedText(Messages messages, Replay.Speed s) {
        return messages.format(s.pace() == Replay.Pace.TIMES_ORIGINAL ? "replay.speed.times" : "replay.speed.epochs",
                s.value());
    }

    private Button button(String id, String key, String tooltipKey, Runnable action) {
        Button b = new Button(messages.get(key));
        b.setId(id);
        b.setTooltip(new Tooltip(messages.get(tooltipKey)));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void disableUnless(Node node, javafx.beans.value.ObservableBooleanValue enabled) {
        subscriptions.add(enabled.subscribe(on -> node.setDisable(!on)));
    }

    private TableView<RunRow> createTable() {
        table = new TableView<>(runs.grouping().visibleRows(runs.rows(), RunRow::id));
        table.setId("runs-table");
        table.getStyleClass().add("runs-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(placeholder());

        TableColumn<RunRow, RunRow> shown = column("runs.column.shown", r -> new ShownCell());
        shown.getStyleClass().add("column-shown");
        TableColumn<RunRow, RunRow> name = column("runs.column.name", r -> new NameCell());
        name.getStyleClass().add("column-name");
        TableColumn<RunRow, RunRow> status = column("runs.column.status", r -> new StatusCell());
        status.getStyleClass().add("column-status");
        TableColumn<RunRow, RunRow> best = column("runs.column.best", r -> new BestCell());
        best.getStyleClass().add("column-number");
        TableColumn<RunRow, RunRow> gap = column("runs.column.gap", r -> new GapCell());
        gap.getStyleClass().add("column-number");
        TableColumn<RunRow, RunRow> summary = column("runs.column.settings", r -> new SummaryCell());
        summary.getStyleClass().add("column-settings");
        headerTooltip(best, "runs.column.best.tooltip");
        headerTooltip(gap, "runs.column.gap.tooltip");
        headerTooltip(shown, "runs.column.shown.tooltip");
        // a narrow column cuts its title: the tooltip says it whole
        headerTooltip(name, "runs.column.name");
        headerTooltip(status, "runs.column.status");
        headerTooltip(summary, "runs.column.settings");
        table.getColumns().setAll(List.of(shown, name, status, best, gap, summary));

        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                queue.removeActive();
                e.consume();
            } else if (e.getCode() == KeyCode.SPACE && table.getSelectionModel().getSelectedItem() != null) {
                RunRow row = table.getSelectionModel().getSelectedItem();
                row.overlaidProperty().set(!row.overlaidProperty().get());
                e.consume();
            }
        });
        return table;
    }

    private TableColumn<RunRow, RunRow> column(String key, Function<TableColumn<RunRow, RunRow>, TableCell<RunRow, RunRow>> cells) {
        TableColumn<RunRow, RunRow> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(cells::apply);
        column.setSortable(false);
        column.setReorderable(false);
        return column;
    }

    /** A column header that explains itself on hover: the title as a label with a tooltip. */
    private void headerTooltip(TableColumn<RunRow, RunRow> column, String key) {
        Label header = new Label(column.getText());
        header.setTooltip(new Tooltip(messages.get(key)));
        column.setText(null);
        column.setGraphic(header);
    }

    private VBox placeholder() {
        Label hint = new Label(messages.get("runs.empty"));
        hint.getStyleClass().add("runs-empty");
        hint.setWrapText(true);
        presetButtons = new FlowPane();
        presetButtons.getStyleClass().add("preset-buttons");
        presetButtons.setAlignment(Pos.CENTER);
        fillPresetButtons();
        VBox box = new VBox(hint, presetButtons);
        box.getStyleClass().add("runs-placeholder");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** One button per preset while the list is empty: one click queues a whole comparison. */
    private void fillPresetButtons() {
        presetButtons.getChildren().clear();
        for (Preset preset : presets.presets()) {
            Button b = new Button(preset.name().get(messages.locale()));
            b.setId("preset-button-" + preset.id());
            b.getStyleClass().add("preset-button");
            Tooltip tip = new Tooltip(preset.description().get(messages.locale()));
            tip.setWrapText(true);
            tip.getStyleClass().add("wide-tooltip");
            b.setTooltip(tip);
            b.setOnAction(e -> presets.queuePreset(preset));
            presetButtons.getChildren().add(b);
        }
    }

    private void initListeners() {
        presets.presets().addListener(presetListener);
        subscriptions.add(() -> presets.presets().removeListener(presetListener));
        // the list's selection is the active run; a cleared selection (rows replaced) is not a choice
        subscriptions.add(table.getSelectionModel().selectedItemProperty().subscribe(row -> {
            if (!selecting && row != null) {
                runs.activeRunIdProperty().set(row.id());
            }
        }));
        subscriptions.add(runs.activeRunIdProperty().subscribe(this::select));
        ListChangeListener<RunRow> rowsChanged = c -> select(runs.activeRunIdProperty().get());
        runs.rows().addListener(rowsChanged);
        subscriptions.add(() -> runs.rows().removeListener(rowsChanged));
    }

    private void select(String id) {
        selecting = true;
        try {
            RunRow row = id == null ? null : runs.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                // after the next layout: a row added just now is not in the list's cells yet
                javafx.application.Platform.runLater(() -> table.scrollTo(row));
            }
        } finally {
            selecting = false;
        }
    }

    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }

    // ---- Cells: each binds to its row's properties while it shows that row

    private abstract static class RowCell extends TableCell<RunRow, RunRow> {
        private final List<Subscription> bound = new ArrayList<>();
        /** One per cell, its text changed as needed: a tooltip is a window of its own, costly to make per update. */
        private final Tooltip tip = new Tooltip();

        RowCell() {
            tip.setWrapText(true);
            tip.getStyleClass().add("wide-tooltip");
        }

        /** Shows {@code text} on hover; nothing for empty text. */
        void tooltip(String text) {
            if (text == null || text.isEmpty()) {
                setTooltip(null);
            } else {
                tip.setText(text);
                if (getTooltip() != tip) {
                    setTooltip(tip);
                }
            }
        }

        @Override
        protected void updateItem(RunRow row, boolean empty) {
            super.updateItem(row, empty);
            bound.forEach(Subscription::unsubscribe);
            bound.clear();
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            show(row, bound);
        }

        abstract void show(RunRow row, List<Subscription> bound);
    }

    private final class ShownCell extends RowCell {
        private final CheckBox box = new CheckBox();
        private final Region swatch = new Region();
        private final HBox graphic = new HBox(box, swatch);
        private RunRow row;

        ShownCell() {
            swatch.getStyleClass().add("run-swatch");
            graphic.getStyleClass().add("shown-cell");
            graphic.setAlignment(Pos.CENTER_LEFT);
            box.setTooltip(new Tooltip(messages.get("runs.column.shown.tooltip")));
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
            box.setId("shown-" + r.nameProperty().get().replaceAll("\\s+", "-"));
            row = r;
            bound.add(() -> row = null);
            setGraphic(graphic);
        }
    }

    private final class NameCell extends RowCell {
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
    }

    private final class StatusCell extends RowCell {
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
            cancel.setTooltip(new Tooltip(messages.get("runs.cancel.tooltip")));
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
            cancel.setId("cancel-" + r.nameProperty().get().replaceAll("\\s+", "-"));
            Runnable tip = () -> tooltip(r.noteProperty().get() == null ? text.getText()
                    : text.getText() + "\n" + r.noteProperty().get().in(messages));
            bound.add(r.statusProperty().subscribe(s -> {
                text.setText(messages.format(s.key(), s.args().toArray()));
                tip.run();
            }));
            bound.add(r.phaseProperty().subscribe(p -> {
                getStyleClass().removeIf(c -> c.startsWith("phase-"));
                getStyleClass().add("phase-" + p.name().toLowerCase(java.util.Locale.ROOT));
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
    }

    private final class BestCell extends RowCell {
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

    private final class GapCell extends RowCell {
        @Override
        void show(RunRow r, List<Subscription> bound) {
            bound.add(r.finalGapProperty().subscribe(g -> {
                double gap = g.doubleValue();
                setText(Double.isNaN(gap) ? "–" : messages.format("runs.gap", gap));
                tooltip(getText());
                getStyleClass().removeIf(c -> c.equals("overfitting"));
                // a gap of ten points or more is the overfitting the lecture is about
                if (gap >= 0.1) {
                    getStyleClass().add("overfitting");
                }
            }));
        }
    }

    private final class SummaryCell extends RowCell {
        @Override
        void show(RunRow r, List<Subscription> bound) {
            bound.add(r.summaryProperty().subscribe(s -> {
                setText(s);
                tooltip(s);
            }));
        }
    }
}
