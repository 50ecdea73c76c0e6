package org.trainlab.ui.runs.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
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

/**
 * The runs list and its tools: each run with its colour and a box to show it on the charts, its name
 * and what it changed from the run it came from, status and progress with a cancel button, best
 * held-out accuracy, final gap and its settings in one line. Above it: duplicate and remove, the lecture
 * presets, how many runs train at once, and replay.
 */
public final class RunsView {

    /** As many rows as a lecture preset adds at once. */
    private static final int STAND_IN_ROWS = 5;

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
        Subscription[] once = new Subscription[1];
        once[0] = table.widthProperty().subscribe(w -> {
            if (w.doubleValue() > 0 && once[0] != null) {
                once[0].unsubscribe();
                once[0] = null;
                Platform.runLater(this::layOutStandInRows);
            }
        });
    }

    /**
     * Lays out a few stand-in rows once, while the window is new, and puts the list's own rows back at
     * once, before anything is drawn. The list keeps the rows' cells it made for rows to come: the first
     * click on a preset then fills cells instead of making them, with their styles and skins, in the
     * same pulse as everything else the click changes (docs/performance.md, "Ninth pass").
     */
    private void layOutStandInRows() {
        if (!table.getItems().isEmpty() || table.getScene() == null) {
            return;
        }
        ObservableList<RunRow> own = table.getItems();
        List<RunRow> standIns = new ArrayList<>();
        for (int i = 0; i < STAND_IN_ROWS; i++) {
            standIns.add(RunRow.standIn(i));
        }
        table.setItems(FXCollections.observableList(standIns));
        table.applyCss();
        table.layout();
        table.setItems(own);
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
        RunCells cells = new RunCells(messages, runs, queue);

        TableColumn<RunRow, RunRow> shown = column("runs.column.shown", r -> cells.new ShownCell());
        shown.getStyleClass().add("column-shown");
        TableColumn<RunRow, RunRow> name = column("runs.column.name", r -> cells.new NameCell());
        name.getStyleClass().add("column-name");
        TableColumn<RunRow, RunRow> status = column("runs.column.status", r -> cells.new StatusCell());
        status.getStyleClass().add("column-status");
        TableColumn<RunRow, RunRow> best = column("runs.column.best", r -> cells.new BestCell());
        best.getStyleClass().add("column-number");
        TableColumn<RunRow, RunRow> gap = column("runs.column.gap", r -> cells.new GapCell());
        gap.getStyleClass().add("column-number");
        TableColumn<RunRow, RunRow> summary = column("runs.column.settings", r -> cells.new SummaryCell());
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
}
