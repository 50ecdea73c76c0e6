package org.trainlab.ui.inside;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.trainlab.experiment.io.AtomicFiles;
import org.trainlab.session.SessionRun;
import org.trainlab.experiment.text.Messages;

/**
 * The Inside view: which run (and which to compare it with), the epoch, and one tab per view, each with
 * its one line of what to look for. Only the tab on screen draws, and only when the figures changed
 * (an epoch ended, another run or epoch was chosen, a digit was drawn).
 */
public final class InsideView {

    private final InsideViewModel vm;
    private final Messages messages;
    private final ObservableDoubleValue zoom;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Map<InsideViewModel.Page, InsidePage> pages = new EnumMap<>(InsideViewModel.Page.class);
    private final Tab tab;
    private final TabPane tabs = new TabPane();
    private final Label lookFor = new Label();
    private final Label runName = new Label();
    private final Region runColor = new Region();
    private final ComboBox<String> compare = new ComboBox<>();
    private final Slider epoch = new Slider(0, 1, 0);
    private final Label epochText = new Label();
    private final Label status = new Label();
    private boolean syncing;

    public InsideView(InsideViewModel vm, Messages messages, ObservableDoubleValue zoom) {
        this.vm = vm;
        this.messages = messages;
        this.zoom = zoom;
        tab = new Tab(messages.get("inside.tab"), createView());
        tab.setId("tab-inside");
        tab.setClosable(false);
        initListeners();
    }

    /** The tab to put next to the charts; while it is selected, the view reads and draws. */
    public Tab tab() {
        return tab;
    }

    private Node createView() {
        pages.put(InsideViewModel.Page.CONFUSION, new ConfusionPage(vm, messages, zoom::get));
        pages.put(InsideViewModel.Page.WRONG, new WrongPage(vm, messages, zoom::get));
        pages.put(InsideViewModel.Page.LAYERS, new LayersPage(vm, messages, zoom::get));
        pages.put(InsideViewModel.Page.FILTERS, new FiltersPage(vm, messages, zoom::get));
        pages.put(InsideViewModel.Page.PAD, new PadPage(vm, messages, zoom::get));
        for (InsideViewModel.Page page : InsideViewModel.Page.values()) {
            Tab t = new Tab(messages.get("inside.view." + key(page)), pages.get(page).node());
            t.setId("inside-tab-" + key(page));
            t.setClosable(false);
            t.setUserData(page);
            tabs.getTabs().add(t);
        }
        tabs.getStyleClass().add("inside-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        runColor.getStyleClass().add("legend-bar");
        runName.getStyleClass().add("inside-run");
        runName.setId("inside-run");
        compare.setId("inside-compare");
        compare.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                if (id == null || id.isEmpty()) {
                    return messages.get("inside.compare.none");
                }
                return vm.candidatesProperty().get().stream().filter(r -> r.id().equals(id)).findFirst()
                        .map(SessionRun::name).orElse(id);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        compare.setOnAction(e -> {
            if (!syncing) {
                String id = compare.getValue();
                vm.compareWith(id == null || id.isEmpty() ? null : id);
            }
        });
        epoch.setId("inside-epoch");
        epoch.setMajorTickUnit(1);
        epoch.setMinorTickCount(0);
        epoch.setSnapToTicks(true);
        epoch.setBlockIncrement(1);
        epoch.setPrefWidth(160);
        epoch.valueProperty().addListener((obs, was, now) -> {
            if (!syncing) {
                vm.epochProperty().set((int) Math.round(now.doubleValue()));
            }
        });
        MenuButton export = new MenuButton(messages.get("inside.export"));
        export.setId("inside-export");
        export.getItems().addAll(
                item("inside.export.png", () -> savePicture("png")),
                item("inside.export.svg", () -> savePicture("svg")),
                item("inside.export.confusionCsv", this::saveConfusion),
                item("inside.export.layersCsv", this::saveLayers));
        status.getStyleClass().add("inside-caption");
        status.setMinWidth(0);
        // groups that wrap as a whole when the window is narrow (projector-sized text), never cut to "…"
        HBox run = group(runColor, runName);
        HBox with = group(new Label(messages.get("inside.compare")), compare);
        HBox at = group(new Label(messages.get("inside.epoch")), epoch, epochText);
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(run, with, at, group(export, status));
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("inside-header");
        lookFor.setId("inside-look-for");
        lookFor.getStyleClass().add("inside-look-for");
        lookFor.setWrapText(true);
        lookFor.setMinHeight(Region.USE_PREF_SIZE);
        VBox root = new VBox(header, lookFor, tabs);
        root.getStyleClass().add("inside-view");
        root.setId("inside-view");
        root.setMinSize(0, 0);
        return root;
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("inside-group");
        for (Node n : nodes) {
            if (n instanceof Region r && !(n instanceof Slider)) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return box;
    }

    private void initListeners() {
        subscriptions.add(tab.selectedProperty().subscribe(on -> vm.showingProperty().set(on)));
        subscriptions.add(tabs.getSelectionModel().selectedItemProperty().subscribe(t -> {
            if (t != null) {
                vm.pageProperty().set((InsideViewModel.Page) t.getUserData());
                lookFor.setText(messages.get("inside.look." + key(vm.pageProperty().get())));
                updatePage();
            }
        }));
        subscriptions.add(vm.changesProperty().subscribe(c -> updateAll()));
        subscriptions.add(vm.cellProperty().subscribe(c -> updatePage()));
        subscriptions.add(zoom.subscribe(z -> updatePage()));
        tabs.getSelectionModel().select(vm.pageProperty().get().ordinal());
    }

    /** The header follows the model; the page on screen redraws. */
    private void updateAll() {
        syncing = true;
        try {
            List<InsideViewModel.Shown> shown = vm.shownProperty().get();
            SessionRun first = shown.isEmpty() ? null : shown.get(0).run();
            runName.setText(first == null ? messages.get("inside.noRun") : first.name());
            runColor.getStyleClass().removeIf(c -> c.startsWith("run-color-"));
            if (first != null) {
                runColor.getStyleClass().add("run-color-" + Math.floorMod(first.colorIndex(), 10));
            }
            List<String> ids = new ArrayList<>();
            ids.add("");
            for (SessionRun r : vm.candidatesProperty().get()) {
                if (first == null || !r.id().equals(first.id())) {
                    ids.add(r.id());
                }
            }
            if (!compare.getItems().equals(ids)) {
                compare.getItems().setAll(ids);
            }
            String chosen = vm.compareIdProperty().get();
            compare.setValue(chosen == null ? "" : chosen);
            int epochs = vm.epochsProperty().get();
            epoch.setMin(epochs == 0 ? 0 : 1);
            epoch.setMax(Math.max(1, epochs));
            epoch.setValue(vm.epochProperty().get());
            epoch.setDisable(epochs <= 1);
            epochText.setText(epochs == 0 ? "" : messages.format("inside.epochOf", vm.epochProperty().get(), epochs));
        } finally {
            syncing = false;
        }
        updatePage();
    }

    private void updatePage() {
        if (!tab.isSelected()) {
            return;
        }
        InsidePage page = pages.get(vm.pageProperty().get());
        if (page != null) {
            page.update();
        }
    }

    private MenuItem item(String key, Runnable action) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setId(key.replace('.', '-'));
        item.setOnAction(e -> action.run());
        return item;
    }

    private String baseName() {
        List<InsideViewModel.Shown> shown = vm.shownProperty().get();
        String run = shown.isEmpty() ? "run" : shown.get(0).run().name();
        return (messages.get("inside.file") + "-" + key(vm.pageProperty().get()) + "-" + run)
                .replaceAll("[\\\\/:*?\"<>|]", "_");
    }

    private void savePicture(String format) {
        Path file = choose(baseName() + "." + format, format.equals("png") ? "dialog.filter.png" : "dialog.filter.svg",
                "*." + format);
        if (file == null) {
            return;
        }
        Painter picture = pages.get(vm.pageProperty().get()).picture();
        try {
            // drawn here, on the FX thread: the painters read the view model
            if (format.equals("png")) {
                byte[] bytes = InsideExport.png(picture);
                write(file, () -> AtomicFiles.writeShared(file, bytes));
            } else {
                String svg = InsideExport.svg(picture);
                write(file, () -> AtomicFiles.writeShared(file, svg));
            }
        } catch (IOException e) {
            status.setText(messages.format("inside.export.failed", file, e.getMessage()));
        }
    }

    private void saveConfusion() {
        List<InsideViewModel.Shown> shown = vm.shownProperty().get();
        if (shown.isEmpty() || shown.get(0).epoch() == null) {
            status.setText(messages.get("inside.empty"));
            return;
        }
        Path file = choose(messages.get("inside.file") + "-confusion.csv", "dialog.filter.csv", "*.csv");
        if (file != null) {
            String csv = InsideCsv.confusion(shown.get(0).epoch().confusion());
            write(file, () -> AtomicFiles.writeShared(file, csv));
        }
    }

    private void saveLayers() {
        List<InsideViewModel.Shown> shown = vm.shownProperty().get();
        if (shown.isEmpty() || shown.get(0).epoch() == null) {
            status.setText(messages.get("inside.empty"));
            return;
        }
        Path file = choose(messages.get("inside.file") + "-layers.csv", "dialog.filter.csv", "*.csv");
        if (file != null) {
            String csv = InsideCsv.layers(shown.get(0).run().inside());
            write(file, () -> AtomicFiles.writeShared(file, csv));
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Path file, Write write) {
        vm.inBackground(() -> {
            try {
                write.run();
                return messages.format("inside.export.done", file);
            } catch (IOException | RuntimeException e) {
                return messages.format("inside.export.failed", file, Objects.toString(e.getMessage(), e.toString()));
            }
        }, status::setText);
    }

    private Path choose(String name, String filterKey, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("dialog.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get(filterKey), pattern));
        chooser.setInitialFileName(name);
        Window owner = tab.getTabPane() == null || tab.getTabPane().getScene() == null ? null
                : tab.getTabPane().getScene().getWindow();
        java.io.File file = chooser.showSaveDialog(owner);
        return file == null ? null : file.toPath();
    }

    private static String key(InsideViewModel.Page page) {
        return switch (page) {
            case CONFUSION -> "confusion";
            case WRONG -> "wrong";
            case LAYERS -> "layers";
            case FILTERS -> "filters";
            case PAD -> "pad";
        };
    }

    /** Removes this view's listeners; the view model lives on (it outlives a change of language). */
    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
        pages.values().forEach(InsidePage::dispose);
        vm.showingProperty().set(false);
    }
}
