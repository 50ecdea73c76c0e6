package org.trainlab.ui.group;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.trainlab.experiment.compare.SeedPlan;
import org.trainlab.experiment.compare.Verdict;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.theme.Palette;

/**
 * The groups of seeds over the runs list: one line per group (colour, name, what it changed, progress
 * of all its seeds, mean best held-out accuracy ± sd and gap) with its verdict against the group it came
 * from under it; the switch between ± one standard deviation and min–max bands; single seeds on the
 * charts; and the class's prediction. Expanding a group shows its seeds in the runs list below.
 */
public final class GroupsView {

    private final Grouping grouping;
    private final ObjectProperty<String> activeRunId;
    private final Consumer<String> cancel;
    private final Messages messages;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private VBox root;

    /**
     * @param activeRunId the run the settings panel shows; clicking a group makes its first seed that run
     * @param cancel      takes a run out of the queue or stops it
     * @param runsTable   the table inside {@code runsList}, hidden while every run is in a closed group
     */
    public GroupsView(Grouping grouping, ObjectProperty<String> activeRunId, Consumer<String> cancel, Messages messages,
                      Node runsList, Node runsTable) {
        this.grouping = grouping;
        this.activeRunId = activeRunId;
        this.cancel = cancel;
        this.messages = messages;
        createView(runsList, runsTable);
    }

    public Node node() {
        return root;
    }

    /** The number of seeds for Start and presets, for the run bar next to Start. */
    public static Node seedsChooser(Grouping grouping, Messages messages, List<Subscription> subscriptions) {
        Label label = new Label(messages.get("group.seeds"));
        ComboBox<Integer> seeds = new ComboBox<>();
        seeds.setId("run-seeds");
        seeds.getItems().setAll(SeedPlan.CHOICES);
        seeds.setValue(grouping.seedsProperty().get());
        seeds.valueProperty().addListener((obs, old, n) -> grouping.seedsProperty().set(n == null ? 1 : n));
        subscriptions.add(grouping.seedsProperty().subscribe(n -> seeds.setValue(n.intValue())));
        Tooltip tip = new Tooltip(messages.get("group.seeds.tooltip"));
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        seeds.setTooltip(tip);
        label.setTooltip(tip);
        label.setLabelFor(seeds);
        HBox box = new HBox(label, seeds);
        box.getStyleClass().add("seeds-chooser");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void createView(Node runsList, Node runsTable) {
        Label title = new Label(messages.get("group.title"));
        title.getStyleClass().add("group-title");
        ToggleButton range = new ToggleButton();
        range.setId("group-band");
        range.selectedProperty().bindBidirectional(grouping.minMaxProperty());
        subscriptions.add(() -> range.selectedProperty().unbindBidirectional(grouping.minMaxProperty()));
        subscriptions.add(grouping.minMaxProperty().subscribe(on -> range.setText(messages.get(on ? "group.band.range"
                : "group.band.sd"))));
        range.setTooltip(new Tooltip(messages.get("group.band.tooltip")));
        CheckBox seedLines = new CheckBox(messages.get("group.seedLines"));
        seedLines.setId("group-seed-lines");
        seedLines.selectedProperty().bindBidirectional(grouping.showSeedsProperty());
        subscriptions.add(() -> seedLines.selectedProperty().unbindBidirectional(grouping.showSeedsProperty()));
        seedLines.setTooltip(new Tooltip(messages.get("group.seedLines.tooltip")));
        Label prediction = new Label();
        prediction.setId("group-prediction");
        prediction.getStyleClass().add("group-prediction");
        prediction.setWrapText(true);
        prediction.setMinWidth(0);
        HBox.setHgrow(prediction, Priority.ALWAYS);
        subscriptions.add(grouping.predictionProperty().subscribe(prediction::setText));
        HBox header = new HBox(title, range, seedLines, prediction);
        header.getStyleClass().add("group-header");
        header.setAlignment(Pos.CENTER_LEFT);

        ListView<GroupRow> list = new ListView<>(grouping.rows());
        list.setId("group-list");
        list.getStyleClass().add("group-list");
        list.setCellFactory(v -> new GroupCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null && !row.memberIds().isEmpty() && !row.memberIds().contains(activeRunId.get())) {
                activeRunId.set(row.memberIds().get(0));
            }
        });
        // two lines a group, or one from COMPACT_FROM groups on; in ems, so the list grows with the text
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> {
            int n = grouping.rows().size();
            double em = title.getFont().getSize();
            return Math.min(n * (n >= COMPACT_FROM ? 1.75 : 3.6) * em + 6, 26 * em);
        }, grouping.rows(), title.fontProperty()));
        list.setMinHeight(0);

        VBox groups = new VBox(header, list);
        groups.getStyleClass().add("groups");
        Runnable visibility = () -> {
            boolean any = !grouping.rows().isEmpty() || !grouping.predictionProperty().get().isEmpty();
            groups.setVisible(any);
            groups.setManaged(any);
            list.setVisible(!grouping.rows().isEmpty());
            list.setManaged(!grouping.rows().isEmpty());
        };
        ListChangeListener<GroupRow> changed = c -> visibility.run();
        grouping.rows().addListener(changed);
        subscriptions.add(() -> grouping.rows().removeListener(changed));
        subscriptions.add(grouping.predictionProperty().subscribe(p -> visibility.run()));
        subscriptions.add(grouping.listShownProperty().subscribe(shown -> {
            runsTable.setVisible(shown);
            runsTable.setManaged(shown);
            VBox.setVgrow(runsList, shown ? Priority.ALWAYS : Priority.NEVER);
            VBox.setVgrow(list, shown ? Priority.NEVER : Priority.ALWAYS);
            VBox.setVgrow(groups, shown ? Priority.NEVER : Priority.ALWAYS);
            list.setMaxHeight(shown ? Region.USE_PREF_SIZE : Double.MAX_VALUE);
        }));
        root = new VBox(groups, runsList);
        root.getStyleClass().add("runs-with-groups");
        root.setMinHeight(0);
        // long names and verdicts wrap or are cut, never widen the window beyond a projector's 1280 pixels
        for (Region r : new Region[] {root, groups, header, list}) {
            r.setMinWidth(0);
        }
        VBox.setVgrow(runsList, Priority.ALWAYS);
    }

    /**
     * From this many groups on, each takes one line (name, progress, figures and its verdict cut short, whole in
     * its tooltip), so that five groups fit over the charts on a projector at 150 % text.
     */
    static final int COMPACT_FROM = 4;

    /** "Compare with…": every other group in the window, and back to the group it came from once another was picked. */
    private void fillCompareMenu(ContextMenu menu, GroupRow row) {
        menu.getItems().clear();
        if (row == null) {
            return;
        }
        Menu with = new Menu(messages.get("group.compareWith"));
        with.setId("group-compare-with");
        for (GroupRow other : grouping.rows()) {
            if (other != row) {
                MenuItem item = new MenuItem(other.nameProperty().get());
                item.setOnAction(e -> grouping.compare(row.id(), other.id()));
                with.getItems().add(item);
            }
        }
        with.setDisable(with.getItems().isEmpty());
        MenuItem back = new MenuItem(messages.get("group.compareWith.parent"));
        back.setDisable(grouping.comparisons().chosen(row.id()).isEmpty());
        back.setOnAction(e -> grouping.compare(row.id(), null));
        menu.getItems().setAll(with, back);
    }

    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }

    /** Two lines: the group and its figures, then its verdict. */
    private final class GroupCell extends ListCell<GroupRow> {
        private final Button expand = new Button();
        private final Region swatch = new Region();
        private final Label name = new Label();
        private final Label difference = new Label();
        private final ProgressBar progress = new ProgressBar();
        private final Label done = new Label();
        private final Label figures = new Label();
        private final Button cancel = new Button("✕");
        private final Label verdict = new Label();
        private final VBox graphic;
        private final HBox top;
        private final Region space = new Region();
        private final ContextMenu menu = new ContextMenu();
        private final List<Subscription> bound = new ArrayList<>();

        GroupCell() {
            expand.getStyleClass().add("group-expand");
            expand.setTooltip(new Tooltip(messages.get("group.expand.tooltip")));
            swatch.getStyleClass().add("run-swatch");
            name.getStyleClass().add("group-name");
            difference.getStyleClass().add("run-difference");
            difference.setMinWidth(0);
            progress.getStyleClass().add("group-progress");
            figures.getStyleClass().add("group-figures");
            cancel.getStyleClass().add("row-cancel");
            cancel.setTooltip(new Tooltip(messages.get("group.cancel.tooltip")));
            verdict.getStyleClass().add("group-verdict");
            verdict.setWrapText(true);
            verdict.setMinWidth(0);
            Tooltip whole = new Tooltip();
            whole.textProperty().bind(verdict.textProperty());
            whole.setWrapText(true);
            whole.setMaxWidth(560);
            verdict.setTooltip(whole);
            menu.setOnShowing(e -> fillCompareMenu(menu, getItem()));
            HBox.setHgrow(space, Priority.ALWAYS);
            done.setMinWidth(Region.USE_PREF_SIZE);
            figures.setMinWidth(Region.USE_PREF_SIZE);
            top = new HBox(expand, swatch, name, difference, space, progress, done, figures, cancel);
            top.getStyleClass().add("group-line");
            name.setMinWidth(0);
            name.setTooltip(new Tooltip());
            name.getTooltip().textProperty().bind(name.textProperty());
            top.setAlignment(Pos.CENTER_LEFT);
            graphic = new VBox(top, verdict);
            graphic.getStyleClass().add("group-cell");
            setPrefWidth(0);
        }

        /** The verdict on the group's line, cut short (compact), or on a line of its own, wrapped. */
        private void compact(boolean on) {
            boolean there = top.getChildren().contains(verdict);
            if (on == there) {
                return;
            }
            if (on) {
                graphic.getChildren().remove(verdict);
                top.getChildren().add(top.getChildren().size() - 1, verdict);
                HBox.setHgrow(verdict, Priority.ALWAYS);
                HBox.setHgrow(space, Priority.NEVER);
                // the verdict takes what the name and the figures leave, cut short; the tooltip has it whole
                verdict.setPrefWidth(0);
                verdict.setMaxWidth(Double.MAX_VALUE);
                verdict.setWrapText(false);
                verdict.getStyleClass().add("compact");
                difference.setVisible(false);
                difference.setManaged(false);
            } else {
                top.getChildren().remove(verdict);
                graphic.getChildren().add(verdict);
                HBox.setHgrow(verdict, Priority.NEVER);
                HBox.setHgrow(space, Priority.ALWAYS);
                verdict.setPrefWidth(Region.USE_COMPUTED_SIZE);
                verdict.setWrapText(true);
                verdict.getStyleClass().remove("compact");
                difference.setVisible(true);
                difference.setManaged(true);
            }
        }

        @Override
        protected void updateItem(GroupRow row, boolean empty) {
            super.updateItem(row, empty);
            bound.forEach(Subscription::unsubscribe);
            bound.clear();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            bound.add(row.nameProperty().subscribe(n -> name.setText(n + " (×" + row.seedsProperty().get() + ")")));
            bound.add(row.differenceProperty().subscribe(d -> difference.setText(d.isEmpty() ? "" : "— " + d)));
            bound.add(row.colorIndexProperty().subscribe(i -> {
                swatch.getStyleClass().removeIf(c -> c.startsWith("run-color-"));
                swatch.getStyleClass().add("run-color-" + Math.floorMod(i.intValue(), Palette.RUN_COLORS));
            }));
            bound.add(row.progressProperty().subscribe(p -> progress.setProgress(p.doubleValue())));
            bound.add(row.finishedProperty().subscribe(n -> {
                done.setText(messages.format("group.progress", n, row.seedsProperty().get()));
                boolean finished = n.intValue() >= row.seedsProperty().get();
                progress.setVisible(!finished);
                progress.setManaged(!finished);
                cancel.setVisible(!finished);
                cancel.setManaged(!finished);
            }));
            bound.add(row.figuresProperty().subscribe(figures::setText));
            bound.add(row.verdictProperty().subscribe(v -> verdict.setText(v.isEmpty() ? messages.get("group.reference") : v)));
            bound.add(row.kindProperty().subscribe(k -> {
                verdict.getStyleClass().removeAll("verdict-better", "verdict-worse", "verdict-open");
                verdict.getStyleClass().add(k == Verdict.Kind.BETTER ? "verdict-better"
                        : k == Verdict.Kind.WORSE ? "verdict-worse" : "verdict-open");
            }));
            Runnable arrow = () -> expand.setText(grouping.expanded().contains(row.id()) ? "▾" : "▸");
            arrow.run();
            expand.setOnAction(e -> {
                if (!grouping.expanded().remove(row.id())) {
                    grouping.expanded().add(row.id());
                }
                arrow.run();
            });
            cancel.setOnAction(e -> row.memberIds().forEach(GroupsView.this.cancel));
            setContextMenu(menu);
            compact(grouping.rows().size() >= COMPACT_FROM);
            setGraphic(graphic);
        }
    }
}
