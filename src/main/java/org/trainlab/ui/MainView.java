package org.trainlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.util.Subscription;
import org.trainlab.preset.Preset;
import org.trainlab.preset.PresetLoader;
import org.trainlab.ui.charts.ChartsView;
import org.trainlab.ui.group.GroupBands;
import org.trainlab.ui.group.GroupsView;
import org.trainlab.ui.group.PredictDialog;
import org.trainlab.ui.hall.HallLayout;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.inside.InsideView;
import org.trainlab.ui.replay.ReplayViewModel;
import org.trainlab.ui.runs.queue.RunQueue;
import org.trainlab.ui.runs.view.RunControlsView;
import org.trainlab.ui.runs.view.RunsView;
import org.trainlab.ui.runs.Status;
import org.trainlab.ui.settings.SettingsView;

/**
 * The window's content in one language: menus, the technique panel on the left; on the right the run
 * controls, the runs list and the three charts; the status line at the bottom. Rebuilt whole when the
 * language changes.
 */
public final class MainView {

    public static final KeyCombination START = new KeyCodeCombination(KeyCode.F5);
    public static final KeyCombination PAUSE = new KeyCodeCombination(KeyCode.F6);
    public static final KeyCombination STOP = new KeyCodeCombination(KeyCode.F7);
    public static final KeyCombination DUPLICATE = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SAVE_AS = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination COPY_CODE = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination REPLAY = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);

    private final MainViewModel vm;
    private final Messages messages;
    private final Stage stage;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final FileActions files;
    private SettingsView settingsView;
    private RunControlsView runView;
    private RunsView runsView;
    private ChartsView chartsView;
    private GroupsView groupsView;
    private GroupBands groupBands;
    private InsideView insideView;
    private HallLayout hall;
    private BorderPane root;

    public MainView(MainViewModel vm, Messages messages, Stage stage) {
        this.vm = vm;
        this.messages = messages;
        this.stage = stage;
        this.files = new FileActions(stage, messages, vm.workspace(), () -> chartsView);
        createView();
        initListeners();
    }

    public Parent root() {
        return root;
    }

    public Messages messages() {
        return messages;
    }

    /** The file dialogs of this view: the window asks them before it closes. */
    FileActions files() {
        return files;
    }

    public ChartsView chartsView() {
        return chartsView;
    }

    public RunsView runsView() {
        return runsView;
    }

    private void createView() {
        settingsView = new SettingsView(vm.settings(), messages, vm.zoomProperty());
        runView = new RunControlsView(vm.workspace(), messages);
        runsView = new RunsView(vm.workspace(), messages);
        chartsView = new ChartsView(vm.charts(), messages, vm.zoomProperty());
        chartsView.setExportHandler(files::exportChart);
        groupsView = new GroupsView(vm.runs().grouping(), vm.runs().activeRunIdProperty(), vm.workspace().queue()::cancel,
                messages, runsView.node(), runsView.table());
        groupBands = GroupBands.attach(chartsView.charts(), vm.runs().grouping(), vm.zoomProperty());
        vm.runs().grouping().setPredictHandler(new PredictDialog(stage, messages));
        insideView = new InsideView(vm.inside(), messages, vm.zoomProperty());
        Tab curves = new Tab(messages.get("inside.curves"), chartsView.node());
        curves.setClosable(false);
        TabPane tabs = new TabPane(curves, insideView.tab());
        // the runs list over the charts, the technique panel beside them: laid out so the charts keep a
        // usable size on any screen, and swapped for the presentation view
        hall = new HallLayout(vm.hall(), vm.runs(), messages, vm.zoomProperty(), settingsView.node(), runView.node(),
                (Region) groupsView.node(), (Region) chartsView.node(), tabs);
        root = new BorderPane(hall.center(), menuBar(), null, statusBar(), hall.left());
        root.getStyleClass().add("main");
        hall.attach(root);
    }

    private void initListeners() {
        subscriptions.add(vm.zoomProperty().subscribe(zoom -> {
            root.getStyleClass().removeIf(c -> c.startsWith("zoom-"));
            root.getStyleClass().add("zoom-" + Math.round(zoom.doubleValue() * 100));
        }));
        vm.runs().setNoticeHandler(files::show);
        subscriptions.add(vm.workspace().files().sessionFileProperty().subscribe(f -> updateTitle()));
        subscriptions.add(vm.workspace().files().dirtyProperty().subscribe(d -> updateTitle()));
    }

    private void updateTitle() {
        Path file = vm.workspace().files().sessionFileProperty().get();
        String title = messages.get("app.title");
        if (file != null) {
            title = file.getFileName() + (vm.workspace().files().dirtyProperty().get() ? " *" : "") + " – " + title;
        }
        stage.setTitle(title);
    }

    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
        settingsView.dispose();
        runView.dispose();
        runsView.dispose();
        chartsView.dispose();
        groupsView.dispose();
        groupBands.dispose();
        insideView.dispose();
        hall.dispose();
    }

    private MenuBar menuBar() {
        RunQueue runs = vm.workspace().queue();
        ReplayViewModel replays = vm.workspace().replay();
        KeyCombination quitKey = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

        Menu export = new Menu(messages.get("menu.export"), null,
                item("menu.export.all", EXPORT, files::exportAll),
                new SeparatorMenuItem(),
                item("menu.export.metrics", null, () -> files.exportMetrics(false)),
                item("menu.export.metricsAll", null, () -> files.exportMetrics(true)),
                item("menu.export.png", null, () -> files.exportCharts("png")),
                item("menu.export.svg", null, () -> files.exportCharts("svg")),
                item("menu.export.settings", null, files::exportSettings),
                item("menu.export.pytorch", null, files::exportPyTorch),
                item("menu.export.dl4j", null, files::exportDl4j));
        export.setId("menu-export");
        Menu file = new Menu(messages.get("menu.file"), null,
                item("menu.file.new", NEW, files::newSession),
                item("menu.file.open", OPEN, files::open),
                item("menu.file.save", SAVE, files::save),
                item("menu.file.saveAs", SAVE_AS, files::saveAs),
                new SeparatorMenuItem(),
                export,
                item("menu.file.copyPytorch", COPY_CODE, files::copyPyTorch),
                item("menu.file.copyDl4j", null, files::copyDl4j),
                new SeparatorMenuItem(),
                item("menu.file.reset", null, () -> vm.settings().resetToDefaults()),
                new SeparatorMenuItem(),
                item("menu.file.quit", quitKey, () -> {
                    if (files.mayReplaceSession()) {
                        Platform.exit();
                    }
                }));

        MenuItem start = item("menu.run.start", START, runs::start);
        MenuItem pause = item("menu.run.pause", PAUSE, runs::togglePause);
        MenuItem stop = item("menu.run.stop", STOP, runs::stop);
        MenuItem duplicate = item("menu.run.duplicate", DUPLICATE, runs::duplicate);
        MenuItem remove = item("menu.run.remove", null, runs::removeActive);
        MenuItem stopAll = item("menu.run.stopAll", null, runs::stopAll);
        MenuItem queueDrafts = item("menu.run.queueDrafts", null, runs::queueDrafts);
        MenuItem replay = item("menu.run.replay", REPLAY, replays::replay);
        MenuItem stopReplay = item("menu.run.stopReplay", null, replays::stopReplay);
        disableUnless(start, runs.canStartProperty());
        disableUnless(pause, runs.canPauseProperty());
        disableUnless(stop, runs.canStopProperty());
        disableUnless(duplicate, runs.canDuplicateProperty());
        disableUnless(remove, runs.canRemoveProperty());
        disableUnless(replay, replays.replayableProperty());
        disableUnless(stopReplay, replays.replayingProperty());
        Menu runMenu = new Menu(messages.get("menu.run"), null, start, pause, stop, new SeparatorMenuItem(), duplicate,
                remove, queueDrafts, stopAll, new SeparatorMenuItem(), replay, stopReplay);

        Menu presets = new Menu(messages.get("menu.presets"));
        presets.setId("menu-presets");
        fillPresets(presets);
        ListChangeListener<Preset> presetsChanged = c -> fillPresets(presets);
        vm.workspace().presets().presets().addListener(presetsChanged);
        subscriptions.add(() -> vm.workspace().presets().presets().removeListener(presetsChanged));

        MenuItem zoomIn = item("menu.view.zoomIn", new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), vm::zoomIn);
        MenuItem zoomOut = item("menu.view.zoomOut", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), vm::zoomOut);
        MenuItem zoomReset = item("menu.view.zoomReset", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), vm::resetZoom);
        CheckMenuItem projector = new CheckMenuItem(messages.get("menu.view.projector"));
        projector.setId("menu-projector");
        projector.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        projector.selectedProperty().bindBidirectional(vm.projectorModeProperty());
        subscriptions.add(() -> projector.selectedProperty().unbindBidirectional(vm.projectorModeProperty()));
        MenuItem fullScreen = item("menu.view.fullScreen", new KeyCodeCombination(KeyCode.F11),
                () -> stage.setFullScreen(!stage.isFullScreen()));
        Menu view = new Menu(messages.get("menu.view"), null, zoomIn, zoomOut, zoomReset, new SeparatorMenuItem(),
                projector, hall.menuItem(), fullScreen);

        ToggleGroup languages = new ToggleGroup();
        Menu language = new Menu(messages.get("menu.language"));
        language.setId("menu-language");
        for (Locale locale : Messages.SUPPORTED) {
            // each language is named in itself, so anyone can find their own
            RadioMenuItem choice = new RadioMenuItem(Messages.of(locale).get("language.name"));
            choice.setId("language-" + locale.getLanguage());
            choice.setToggleGroup(languages);
            choice.setSelected(locale.equals(messages.locale()));
            // later, so the menu closes before the scene it belongs to is replaced
            choice.setOnAction(e -> Platform.runLater(() -> vm.localeProperty().set(locale)));
            language.getItems().add(choice);
        }
        MenuBar bar = new MenuBar(file, runMenu, presets, view, language);
        bar.setId("menu-bar");
        return bar;
    }

    /** One item per preset (one click queues the whole comparison), then where to put one's own. */
    private void fillPresets(Menu menu) {
        menu.getItems().clear();
        for (Preset preset : vm.workspace().presets().presets()) {
            MenuItem item = new MenuItem(preset.name().get(messages.locale()));
            item.setId("preset-" + preset.id());
            item.setOnAction(e -> vm.workspace().presets().queuePreset(preset));
            menu.getItems().add(item);
        }
        if (!menu.getItems().isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        MenuItem folder = new MenuItem(messages.format("menu.presets.folder", PresetLoader.userFolder().toString()));
        folder.setDisable(true);
        menu.getItems().add(folder);
    }

    private void disableUnless(MenuItem item, javafx.beans.value.ObservableBooleanValue enabled) {
        subscriptions.add(enabled.subscribe(on -> item.setDisable(!on)));
    }

    private MenuItem item(String key, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setId(key.replace('.', '-'));
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status-line");
        status.getStyleClass().add("status-text");
        subscriptions.add(vm.runs().statusProperty().subscribe(s -> {
            status.setText(text(s));
            status.pseudoClassStateChanged(PseudoClass.getPseudoClass("problem"),
                    s.key().startsWith("status.diverged") || s.key().equals("status.failed")
                            || s.key().equals("status.presetProblems"));
        }));
        Label engine = new Label();
        engine.setId("engine-status");
        engine.getStyleClass().add("engine-text");
        subscriptions.add(vm.engineStatusProperty().subscribe(s -> engine.setText(text(s))));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        status.setMinWidth(0);
        HBox bar = new HBox(status, spacer, engine);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private String text(Status status) {
        // an argument may itself be a status (the engine line's summary), said in the same language
        return messages.format(status.key(), status.args().stream().map(a -> a instanceof Status s ? text(s) : a).toArray());
    }
}
