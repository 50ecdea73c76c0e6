package org.trainlab.ui.hall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.application.Platform;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.trainlab.preset.Lesson;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.runs.RunsViewModel;

/**
 * Lays out the window's panels so that nothing breaks on a small screen or with projector-sized text:
 * the charts keep their {@link ChartsArrangement minimum}, the technique panel narrows first (it
 * scrolls), then the runs list above the charts; and switches to the presentation view, where the
 * technique panel folds away (unfolded, it shows the lesson's sections only, until one click shows all),
 * the charts take the window under the lesson's line and the selected run's verdict, and the runs list
 * becomes a strip of chips.
 */
public final class HallLayout {

    /** The presentation view's key. */
    public static final KeyCombination PRESENTATION = new KeyCodeCombination(KeyCode.F9);
    /** This feature's stylesheet, added to the scene after the theme's. */
    public static final String STYLESHEET = "/org/trainlab/ui/hall/hall.css";
    private static final double PANEL_EMS = 28;
    private static final double PANEL_SHARE = 0.26;
    private static final double PRESENTING_PANEL_SHARE = 0.3;
    private static final double MIN_PANEL_EMS = 10;
    /** The unfold button standing for the folded panel. */
    private static final double FOLDED_STRIP_EMS = 2.2;
    /** The runs list's toolbar, header and three rows. */
    private static final double RUNS_MIN_EMS = 10;
    /** The runs list's toolbar under the groups of seeds. */
    private static final double RUNS_TOOLBAR_EMS = 3.6;
    /** The settings panel's sections are the nodes with this id and the section's name. */
    private static final String SECTION_ID = "section-";
    private Region watchedGroups;

    private final HallViewModel hall;
    private final Messages messages;
    private final ObservableDoubleValue zoom;
    private final Node settings;
    private final Map<String, Node> sections = new HashMap<>();
    private final Node runControls;
    private final Region runs;
    private final Region charts;
    /** What holds the charts in the layout: the charts themselves, or tabs with the charts on one of them. */
    private final Region chartsHost;
    private final SplitPane split;
    private final VBox center;
    private final VBox panel;
    private final HBox focusBar;
    private final Label focusText = new Label();
    private final Button focusToggle = new Button();
    private final Button fold = new Button("◂");
    private final VBox unfoldStrip;
    private final LessonBanner banner;
    private final CompactRunsStrip strip;
    private final ChartsArrangement arrangement;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private BorderPane root;
    private double divider = 0.3;
    private boolean pending;
    /** The runs list's height as the user left it (the divider's place), in pixels; NaN until laid out. */
    private double runsHeight = Double.NaN;
    private boolean adjusting;
    private static final double DIVIDER = 8;
    /** The panel is folded because the charts need its width. */
    private boolean autoFolded;
    /** The user unfolded the panel that was folded for the charts' sake. */
    private boolean userUnfolded;

    public HallLayout(HallViewModel hall, RunsViewModel runsModel, Messages messages, ObservableDoubleValue zoom,
            Node settings, Node runControls, Region runs, Region charts, Region chartsHost) {
        this.hall = hall;
        this.messages = messages;
        this.zoom = zoom;
        this.settings = settings;
        this.runControls = runControls;
        this.runs = runs;
        this.charts = charts;
        this.chartsHost = chartsHost;
        if (settings instanceof ScrollPane scroll) {
            // narrowed below its fields' width, the panel scrolls sideways rather than cutting them
            scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        }
        // the runs list over the charts; the divider moves to give either more room, and the list gives
        // way first: the charts keep one row of usable plots (see ChartsArrangement)
        runs.setMinHeight(0);
        split = new SplitPane(runs, chartsHost);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(divider);
        split.getStyleClass().add("runs-split");
        SplitPane.setResizableWithParent(runs, false);
        split.getDividers().get(0).positionProperty().addListener((obs, was, now) -> {
            // a move of the user's own, not ours: where the runs list should be when there is room
            if (!adjusting && split.isPressed() && split.getHeight() > 0) {
                runsHeight = now.doubleValue() * split.getHeight();
            }
        });
        banner = new LessonBanner(hall, messages);
        strip = new CompactRunsStrip(runsModel, messages);
        center = new VBox(runControls, split);
        center.getStyleClass().add("workspace");
        center.setMinSize(0, 0);
        VBox.setVgrow(split, Priority.ALWAYS);

        focusText.getStyleClass().add("hall-focus-text");
        focusText.setMinWidth(0);
        focusText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(focusText, Priority.ALWAYS);
        focusToggle.setId("hall-all-sections");
        focusToggle.setMinWidth(Region.USE_PREF_SIZE);
        focusToggle.setOnAction(e -> hall.allSectionsProperty().set(!hall.allSectionsProperty().get()));
        fold.setId("hall-fold");
        fold.setMinWidth(Region.USE_PREF_SIZE);
        fold.setTooltip(new javafx.scene.control.Tooltip(messages.get("hall.fold.tooltip")));
        fold.setOnAction(e -> {
            if (hall.presentationProperty().get()) {
                hall.techniquesShownProperty().set(false);
            } else {
                userUnfolded = false;
                replan();
            }
        });
        focusBar = new HBox(focusText, focusToggle, fold);
        focusBar.getStyleClass().add("hall-focus-bar");
        focusBar.setAlignment(Pos.CENTER_LEFT);
        panel = new VBox(focusBar, settings);
        panel.setId("hall-panel");
        panel.setMinWidth(0);
        VBox.setVgrow(settings, Priority.ALWAYS);
        arrangement = new ChartsArrangement(charts, zoom);

        // folded for the charts' sake: one click gives the panel back
        Button unfold = new Button();
        unfold.setId("hall-unfold");
        Label unfoldText = new Label(messages.get("hall.techniques") + " ▸");
        unfoldText.setRotate(90);
        unfold.setGraphic(new javafx.scene.Group(unfoldText));
        unfold.setTooltip(new javafx.scene.control.Tooltip(messages.get("hall.unfold.tooltip")));
        unfold.setMaxHeight(Double.MAX_VALUE);
        unfold.setOnAction(e -> {
            userUnfolded = true;
            replan();
        });
        VBox.setVgrow(unfold, Priority.ALWAYS);
        unfoldStrip = new VBox(unfold);
        unfoldStrip.getStyleClass().add("hall-unfold-strip");
    }

    public Node center() {
        return center;
    }

    public Node left() {
        return panel;
    }

    /** Starts following the modes and the window's width; {@code root} holds {@link #left()} and {@link #center()}. */
    public void attach(BorderPane root) {
        this.root = root;
        subscriptions.add(hall.presentationProperty().subscribe(this::present));
        subscriptions.add(hall.techniquesShownProperty().subscribe(x -> showPanel()));
        subscriptions.add(hall.allSectionsProperty().subscribe(x -> showSections()));
        subscriptions.add(hall.lessonProperty().subscribe(x -> showSections()));
        subscriptions.add(root.widthProperty().subscribe(w -> later()));
        subscriptions.add(root.heightProperty().subscribe(h -> later()));
        subscriptions.add(center.heightProperty().subscribe(h -> later()));
        subscriptions.add(chartsHost.widthProperty().subscribe(w -> later()));
        subscriptions.add(arrangement.grid().heightProperty().subscribe(h -> later()));
        subscriptions.add(zoom.subscribe(z -> later()));
    }

    /** View › Presentation view, with its key. */
    public CheckMenuItem menuItem() {
        CheckMenuItem item = new CheckMenuItem(messages.get("hall.menu.presentation"));
        item.setId("menu-presentation");
        item.setAccelerator(PRESENTATION);
        item.selectedProperty().bindBidirectional(hall.presentationProperty());
        subscriptions.add(() -> item.selectedProperty().unbindBidirectional(hall.presentationProperty()));
        return item;
    }

    private void present(boolean on) {
        root.getStyleClass().remove("presentation");
        if (on) {
            root.getStyleClass().add("presentation");
            divider = split.getDividers().isEmpty() ? divider : split.getDividerPositions()[0];
            split.getItems().remove(chartsHost);
            VBox.setVgrow(chartsHost, Priority.ALWAYS);
            center.getChildren().setAll(banner.node(), chartsHost, strip.node());
        } else {
            center.getChildren().setAll(runControls, split);
            if (!split.getItems().contains(chartsHost)) {
                split.getItems().add(chartsHost);
            }
            split.setDividerPositions(divider);
        }
        showPanel();
        showSections();
    }

    /** The technique panel: always in the normal layout; in the presentation view only when unfolded. */
    private void showPanel() {
        if (root == null) {
            return;
        }
        boolean presenting = hall.presentationProperty().get();
        Node left = presenting ? (hall.techniquesShownProperty().get() ? panel : null)
                : autoFolded && !userUnfolded ? unfoldStrip : panel;
        if (root.getLeft() != left) {
            root.setLeft(left);
        }
        showSections();
        later();
    }

    /**
     * The settings panel's section. Found in one walk over the panel for all of them, and kept: a lookup
     * per section walked the whole panel and parsed a selector each time, and the sections are shown or
     * hidden on every change of the active run, a preset's click among them.
     */
    private Node section(String id) {
        Node known = sections.get(id);
        if (known == null || !inSettings(known)) {
            sections.clear();
            collectSections(settings);
            known = sections.get(id);
        }
        return known;
    }

    private void collectSections(Node node) {
        String nodeId = node.getId();
        if (nodeId != null && nodeId.startsWith(SECTION_ID)) {
            sections.put(nodeId.substring(SECTION_ID.length()), node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectSections(child);
            }
        }
    }

    private boolean inSettings(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == settings) {
                return true;
            }
        }
        return false;
    }

    /** In the presentation view, the lesson's sections only, until the user asks for all. */
    private void showSections() {
        Lesson lesson = hall.lessonProperty().get();
        boolean focusing = hall.presentationProperty().get() && lesson.focuses();
        boolean all = !focusing || hall.allSectionsProperty().get();
        for (String id : Lesson.SECTIONS) {
            Node section = section(id);
            if (section != null) {
                boolean shown = all || lesson.focus().contains(id);
                section.setVisible(shown);
                section.setManaged(shown);
            }
        }
        boolean foldable = hall.presentationProperty().get() || userUnfolded && autoFolded;
        focusBar.setVisible(focusing || foldable);
        focusBar.setManaged(focusing || foldable);
        focusToggle.setVisible(focusing);
        focusToggle.setManaged(focusing);
        fold.setVisible(foldable);
        fold.setManaged(foldable);
        focusText.setText("");
        if (focusing) {
            focusText.setText(messages.format(all ? "hall.focus.all" : "hall.focus.lesson", lesson.focus().size(),
                    Lesson.SECTIONS.size()));
            focusToggle.setText(messages.get(all ? "hall.focus.lessonOnly" : "hall.focus.showAll"));
        }
    }

    /** After this layout pass, once however many sizes changed in it. */
    private void later() {
        if (!pending) {
            pending = true;
            Platform.runLater(() -> {
                pending = false;
                replan();
            });
        }
    }

    /**
     * Shares the window out (see {@link LayoutPlan}): the panel's width or its folding, one row of charts
     * or two, and the charts' minimum height, which moves the runs list's divider up when needed.
     */
    private void replan() {
        Scene scene = root == null ? null : root.getScene();
        if (scene == null || root.getWidth() <= 0 || center.getHeight() <= 0) {
            return;
        }
        if (sections.isEmpty()) {
            // while the window is still new and idle, not at the first click that changes the active run
            collectSections(settings);
        }
        double em = 13 * zoom.get();
        boolean presenting = hall.presentationProperty().get();
        double width = root.getWidth();
        hideHint(width, em);
        double above = presenting ? banner.node().getLayoutBounds().getHeight() + strip.node().getLayoutBounds().getHeight()
                : runControls.getLayoutBounds().getHeight();
        double usual = Math.floor(Math.min(PANEL_EMS * em, (presenting ? PRESENTING_PANEL_SHARE : PANEL_SHARE) * width));
        double chromeWidth = arrangement.chromeWidth(em);
        double chromeHeight = arrangement.chromeHeight(em);
        LayoutPlan.Room room = new LayoutPlan.Room(width, scene.getHeight(), center.getHeight() - above,
                arrangement.legendHeight(), chromeWidth, chromeHeight, arrangement.grid().getHgap(),
                arrangement.grid().getVgap(), usual, MIN_PANEL_EMS * em,
                presenting ? 0 : Math.max(RUNS_MIN_EMS * em, groupsNeed(width, em)), presenting,
                Math.max(FOLDED_STRIP_EMS * em, unfoldStrip.getWidth()));
        LayoutPlan.Plan plan = LayoutPlan.plan(room);
        arrangement.apply(plan, room.floorHeight());
        if (!presenting && split.getHeight() > 0 && !split.getDividers().isEmpty()) {
            // the runs list gives way: its divider moves up until the charts have their minimum, and
            // back down to where the user left it when there is room again
            double splitHeight = split.getHeight();
            if (Double.isNaN(runsHeight)) {
                runsHeight = split.getDividerPositions()[0] * splitHeight;
            }
            double chartsMin = arrangement.legendHeight() + plan.gridMinHeight();
            // the groups of seeds keep their rows over the charts' minimum: every group's line stays in view
            // (the charts' minimum still comes first: a plot cut at its axis is of no use)
            double need = groupsNeed(width, em);
            // with no runs list under the groups (every run in a closed group) there is nothing more to show: the charts take the rest
            boolean noList = runs.lookup("#runs-table") instanceof Region table && !table.isManaged();
            double wanted = noList && need > 0 ? need : Math.max(runsHeight, need);
            double target = Math.max(0, Math.min(wanted, splitHeight - chartsMin - DIVIDER));
            if (Math.abs(split.getDividerPositions()[0] * splitHeight - target) > 1) {
                adjusting = true;
                split.setDividerPositions(target / splitHeight);
                adjusting = false;
            }
        }
        boolean folded = !presenting && plan.autoFolded();
        if (folded != autoFolded) {
            autoFolded = folded;
            showPanel();
        }
        double panelWidth = presenting || userUnfolded && autoFolded ? usual : plan.panelWidth();
        if (panelWidth > 0 && panel.getPrefWidth() != panelWidth) {
            panel.setPrefWidth(panelWidth);
            panel.setMaxWidth(panelWidth);
            panel.setMinWidth(panelWidth);
        }
    }

    /**
     * In projector mode with groups of seeds, the line under Start that says what it would start gives its
     * room to the groups' rows (Start's tooltip and the panel say the same); with many groups and no runs
     * list under them, the root gets {@link #PROJECTOR_GROUPS}: tighter bars and a one-line legend (its
     * names cut, whole in their tooltips and in the groups' rows right above), so every group's row shows.
     */
    private void hideHint(double width, double em) {
        boolean groups = groupsNeed(width, em) > 0;
        boolean projector = zoom.get() >= PROJECTOR_ZOOM;
        if (runControls.lookup("#run-editing") instanceof Label hint) {
            boolean shown = !projector || !groups;
            if (hint.isManaged() != shown) {
                hint.setVisible(shown);
                hint.setManaged(shown);
            }
        }
        boolean many = projector && groups && runs.lookup("#group-list") instanceof javafx.scene.control.ListView<?> list
                && list.getItems().size() >= MANY_GROUPS && runs.lookup("#runs-table") instanceof Region table
                && !table.isManaged();
        if (many != root.getStyleClass().contains(PROJECTOR_GROUPS)) {
            if (many) {
                root.getStyleClass().add(PROJECTOR_GROUPS);
            } else {
                root.getStyleClass().remove(PROJECTOR_GROUPS);
            }
        }
    }

    /** The root's style class while many groups of seeds share a projector's screen with the charts (see hall.css). */
    public static final String PROJECTOR_GROUPS = "projector-groups";
    /** From this many groups on, their rows are one line each (as in the groups' list). */
    private static final int MANY_GROUPS = 4;

    /** Text at this zoom or larger is projector mode's. */
    private static final double PROJECTOR_ZOOM = 1.25;

    /**
     * The height the groups of seeds over the runs list ask for (their header and every row, see
     * {@code GroupsView}) with the runs list's toolbar under them; 0 without groups.
     */
    private double groupsNeed(double width, double em) {
        Node groups = runs.lookup(".groups");
        if (groups instanceof Region r && watchedGroups != r && runs.lookup("#group-list") instanceof Region list) {
            // more or fewer groups, or none: share the room again
            watchedGroups = r;
            subscriptions.add(r.visibleProperty().subscribe(v -> later()));
            subscriptions.add(list.prefHeightProperty().subscribe(h -> later()));
        }
        if (!(groups instanceof Region r) || !r.isVisible()) {
            return 0;
        }
        if (runs.lookup("#runs-table") instanceof Region table && !table.isManaged()) {
            // no runs list under the groups, its tools on the groups' line: the groups and what is around them
            return runs.prefHeight(runs.getWidth() > 0 ? runs.getWidth() : width);
        }
        return r.prefHeight(width) + RUNS_TOOLBAR_EMS * em;
    }

    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
        banner.dispose();
        strip.dispose();
        arrangement.dispose();
    }
}
