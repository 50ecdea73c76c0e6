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
import org.trainlab.ui.theme.CellGraphic;
import org.trainlab.ui.theme.HoverTooltip;
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
    /** Every group's expand and cancel buttons say the same: one tooltip each for the whole list. */
    private final Tooltip expandTip;
    private final Tooltip cancelTip;
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
        expandTip = new Tooltip(messages.get("group.expand.tooltip"));
        cancelTip = new Tooltip(messages.get("group.cancel.tooltip"));
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
        range.setMinWidth(Region.USE_PREF_SIZE);
        CheckBox seedLines = new CheckBox(messages.get("group.seedLines"));
        seedLines.setId("group-seed-lines");
        seedLines.selectedProperty().bindBidirectional(grouping.showSeedsProperty());
        subscriptions.add(() -> seedLines.selectedProperty().unbindBidirectional(grouping.showSeedsProperty()));
        seedLines.setTooltip(new Tooltip(messages.get("group.seedLines.tooltip")));
        seedLines.setMinWidth(Region.USE_PREF_SIZE);
        Label prediction = new Label();
        prediction.setId("group-prediction");
        prediction.getStyleClass().add("group-prediction");
        prediction.setWrapText(true);
        prediction.setMinWidth(0);
        HBox.setHgrow(prediction, Priority.ALWAYS);
        subscriptions.add(grouping.predictionProperty().subscribe(p -> {
            prediction.setText(p);
            prediction.setManaged(!p.isEmpty());
            prediction.setVisible(!p.isEmpty());
        }));
        Tooltip predictionWhole = new Tooltip();
        predictionWhole.textProperty().bind(prediction.textProperty());
        predictionWhole.setWrapText(true);
        predictionWhole.setMaxWidth(560);
        prediction.setTooltip(predictionWhole);
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
        list.fixedCellSizeProperty().bind(Bindings.createDoubleBinding(() -> grouping.rows().size() >= COMPACT_FROM
                ? Math.ceil(COMPACT_ROW_EMS * title.getFont().getSize()) : Region.USE_COMPUTED_SIZE,
                grouping.rows(), title.fontProperty()));
        subscriptions.add(list.fixedCellSizeProperty()::unbind);
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> {
            int n = grouping.rows().size();
            double em = title.getFont().getSize();
            return Math.min(n >= COMPACT_FROM ? n * list.getFixedCellSize() + 4 : n * 3.6 * em + 6, 26 * em);
        }, grouping.rows(), title.fontProperty(), list.fixedCellSizeProperty()));
        subscriptions.add(list.prefHeightProperty()::unbind);
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
        Node tools = runsList.lookup(".runs-bar");
        subscriptions.add(grouping.listShownProperty().subscribe(shown -> {
            mergeTools(shown ? null : tools, runsList, header, title, prediction);
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
     * While every run is in a closed group, the runs list has no rows and its tools ({@code tools}: duplicate,
     * remove, how many at once, replay) join the groups' line instead of taking a line of their own, with the
     * two titles left out, and the class's prediction goes to a line of its own under it (when there is one):
     * on a projector the line saved goes to the groups' rows. {@code null} puts them back.
     */
    private static void mergeTools(Node tools, Node runsList, HBox header, Label title, Label prediction) {
        Node own = tools != null ? tools : header.lookup(".runs-bar");
        if (!(own instanceof javafx.scene.layout.FlowPane bar) || !(runsList instanceof javafx.scene.layout.Pane list)
                || !(header.getParent() instanceof VBox groups)) {
            return;
        }
        boolean merged = tools != null;
        // left with neither rows nor tools, the runs list takes no room at all
        list.setVisible(!merged);
        list.setManaged(!merged);
        Node runsTitle = bar.lookup(".runs-title");
        for (Node n : new Node[] {title, runsTitle}) {
            if (n != null) {
                n.setVisible(!merged);
                n.setManaged(!merged);
            }
        }
        if (bar.lookup("#runs-queue") instanceof Label queue && queue.getTooltip() == null) {
            // on a projector's groups' line the queue's summary may be cut short (hall.css): whole in its tooltip
            Tooltip whole = new Tooltip();
            whole.textProperty().bind(queue.textProperty());
            queue.setTooltip(whole);
        }
        if (merged && bar.getParent() != header) {
            list.getChildren().remove(bar);
            header.getChildren().remove(prediction);
            header.getChildren().add(bar);
            groups.getChildren().add(groups.getChildren().indexOf(header) + 1, prediction);
            // the tools take the rest of the line, wrapping onto a second only in a window too narrow for them
            bar.prefWrapLengthProperty().bind(Bindings.createDoubleBinding(() -> {
                double rest = header.getWidth() - header.snappedLeftInset() - header.snappedRightInset();
                for (Node n : header.getChildren()) {
                    if (n != bar && n.isManaged()) {
                        rest -= n.getLayoutBounds().getWidth() + header.getSpacing();
                    }
                }
                return Math.max(100, Math.floor(rest) - 1);
            }, header.widthProperty()));
            HBox.setHgrow(bar, Priority.ALWAYS);
        } else if (!merged && bar.getParent() == header) {
            bar.prefWrapLengthProperty().unbind();
            bar.setPrefWrapLength(400);
            HBox.setHgrow(bar, Priority.NEVER);
            header.getChildren().remove(bar);
            list.getChildren().add(0, bar);
            groups.getChildren().remove(prediction);
            header.getChildren().add(prediction);
        }
    }

    /** A one-line group row's height, in ems of the list's text. */
    static final double COMPACT_ROW_EMS = 1.4;

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
        // the sentence whole, and the name whole: made on first hover (a tooltip is a window of its own)
        private final HoverTooltip verdictWhole = new HoverTooltip(verdict, true);
        private final HoverTooltip nameWhole = new HoverTooltip(name, false);
        private boolean compactNow;
        private final VBox graphic;
        private final HBox top;
        private final Region space = new Region();
        private final ContextMenu menu = new ContextMenu();
        private final List<Subscription> bound = new ArrayList<>();

        GroupCell() {
            expand.getStyleClass().add("group-expand");
            expand.setTooltip(expandTip);
            swatch.getStyleClass().add("run-swatch");
            name.getStyleClass().add("group-name");
            difference.getStyleClass().add("run-difference");
            difference.setMinWidth(0);
            progress.getStyleClass().add("group-progress");
            figures.getStyleClass().add("group-figures");
            cancel.getStyleClass().add("row-cancel");
            cancel.setTooltip(cancelTip);
            verdict.getStyleClass().add("group-verdict");
            verdict.setWrapText(true);
            verdict.setMinWidth(0);
            menu.setOnShowing(e -> fillCompareMenu(menu, getItem()));
            HBox.setHgrow(space, Priority.ALWAYS);
            done.setMinWidth(Region.USE_PREF_SIZE);
            figures.setMinWidth(Region.USE_PREF_SIZE);
            top = new HBox(expand, swatch, name, difference, space, progress, done, figures, cancel);
            top.getStyleClass().add("group-line");
            name.setMinWidth(0);
            name.textProperty().subscribe(nameWhole::setText);
            top.setAlignment(Pos.CENTER_LEFT);
            graphic = new VBox(top, verdict);
            graphic.getStyleClass().add("group-cell");
            setPrefWidth(0);
        }

        /**
         * One line (compact): the verdict in brief at the line's end, whole with the name giving way first, the
         * sentence in its tooltip; else the sentence on a line of its own, wrapped.
         */
        private void compact(boolean on) {
            compactNow = on;
            showVerdict();
            boolean there = top.getChildren().contains(verdict);
            if (on == there) {
                return;
            }
            if (on) {
                graphic.getChildren().remove(verdict);
                top.getChildren().add(top.getChildren().size() - 1, verdict);
                verdict.setWrapText(false);
                verdict.setMinWidth(Region.USE_PREF_SIZE);
                verdict.getStyleClass().add("compact");
                graphic.getStyleClass().add("compact");
                difference.setVisible(false);
                difference.setManaged(false);
            } else {
                top.getChildren().remove(verdict);
                graphic.getChildren().add(verdict);
                verdict.setWrapText(true);
                verdict.setMinWidth(0);
                verdict.getStyleClass().remove("compact");
                graphic.getStyleClass().remove("compact");
                difference.setVisible(true);
                difference.setManaged(true);
            }
        }

        /** The sentence, or in a one-line row the brief form; the tooltip always says the sentence. */
        private void showVerdict() {
            GroupRow row = getItem();
            if (row == null) {
                return;
            }
            String sentence = row.verdictProperty().get();
            String whole = sentence.isEmpty() ? messages.get("group.reference") : sentence;
            String brief = sentence.isEmpty() ? messages.get("group.reference.brief") : row.briefProperty().get();
            verdict.setText(compactNow && !brief.isEmpty() ? brief : whole);
            verdictWhole.setText(whole);
            int n = row.finishedProperty().get();
            int of = row.seedsProperty().get();
            done.setText(messages.format(compactNow ? "group.progress.short" : "group.progress", n, of));
            // a finished group in one line needs no count: its verdict says how many seeds
            boolean shown = !compactNow || n < of;
            done.setVisible(shown);
            done.setManaged(shown);
        }

        @Override
        protected void updateItem(GroupRow row, boolean empty) {
            super.updateItem(row, empty);
            bound.forEach(Subscription::unsubscribe);
            bound.clear();
            if (empty || row == null) {
                // without the last group's words
                CellGraphic.show(graphic, false);
                for (Label l : new Label[] {name, difference, done, figures, verdict}) {
                    l.setText("");
                }
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
                showVerdict();
                boolean finished = n.intValue() >= row.seedsProperty().get();
                progress.setVisible(!finished);
                progress.setManaged(!finished);
                cancel.setVisible(!finished);
                cancel.setManaged(!finished);
            }));
            bound.add(row.figuresProperty().subscribe(figures::setText));
            bound.add(row.verdictProperty().subscribe(v -> showVerdict()));
            bound.add(row.briefProperty().subscribe(v -> showVerdict()));
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
            CellGraphic.show(graphic, true);
        }
    }
}
