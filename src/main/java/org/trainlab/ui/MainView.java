package org.trainlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Subscription;
import org.trainlab.ui.charts.ChartsView;
import org.trainlab.ui.i18n.Messages;
import org.trainlab.ui.run.RunControlsView;
import org.trainlab.ui.run.RunViewModel;
import org.trainlab.ui.run.Status;
import org.trainlab.ui.settings.SettingsView;

/**
 * The window's content in one language: menus, the technique panel on the left, run controls and the
 * three charts on the right, the status line at the bottom. Rebuilt whole when the language changes.
 */
public final class MainView {

    public static final KeyCombination START = new KeyCodeCombination(KeyCode.F5);
    public static final KeyCombination PAUSE = new KeyCodeCombination(KeyCode.F6);
    public static final KeyCombination STOP = new KeyCodeCombination(KeyCode.F7);

    private final MainViewModel vm;
    private final Messages messages;
    private final Stage stage;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private SettingsView settingsView;
    private RunControlsView runView;
    private ChartsView chartsView;
    private BorderPane root;

    public MainView(MainViewModel vm, Messages messages, Stage stage) {
        this.vm = vm;
        this.messages = messages;
        this.stage = stage;
        createView();
        initListeners();
    }

    public Parent root() {
        return root;
    }

    public Messages messages() {
        return messages;
    }

    private void createView() {
        settingsView = new SettingsView(vm.settings(), messages, vm.zoomProperty());
        runView = new RunControlsView(vm.run(), messages);
        chartsView = new ChartsView(vm.charts(), messages, vm.zoomProperty());
        VBox center = new VBox(runView.node(), chartsView.node());
        center.getStyleClass().add("workspace");
        VBox.setVgrow(chartsView.node(), Priority.ALWAYS);
        root = new BorderPane(center, menuBar(), null, statusBar(), settingsView.node());
        root.getStyleClass().add("main");
    }

    private void initListeners() {
        subscriptions.add(vm.zoomProperty().subscribe(zoom -> {
            root.getStyleClass().removeIf(c -> c.startsWith("zoom-"));
            root.getStyleClass().add("zoom-" + Math.round(zoom.doubleValue() * 100));
        }));
    }

    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
        settingsView.dispose();
        runView.dispose();
        chartsView.dispose();
    }

    private MenuBar menuBar() {
        RunViewModel run = vm.run();
        MenuItem reset = item("menu.file.reset", null, () -> vm.settings().resetToDefaults());
        reset.disableProperty().bind(run.activeProperty());
        subscriptions.add(reset.disableProperty()::unbind);
        MenuItem quit = item("menu.file.quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), Platform::exit);
        Menu file = new Menu(messages.get("menu.file"), null, reset, new SeparatorMenuItem(), quit);

        MenuItem start = item("menu.run.start", START, run::start);
        MenuItem pause = item("menu.run.pause", PAUSE, run::togglePause);
        MenuItem stop = item("menu.run.stop", STOP, run::stop);
        subscriptions.add(run.canStartProperty().subscribe(on -> start.setDisable(!on)));
        subscriptions.add(run.canPauseProperty().subscribe(on -> pause.setDisable(!on)));
        subscriptions.add(run.activeProperty().subscribe(on -> stop.setDisable(!on)));
        Menu runMenu = new Menu(messages.get("menu.run"), null, start, pause, stop);

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
                projector, fullScreen);

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
        MenuBar bar = new MenuBar(file, runMenu, view, language);
        bar.setId("menu-bar");
        return bar;
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
        subscriptions.add(vm.run().statusProperty().subscribe(s -> {
            status.setText(text(s));
            status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"),
                    s.key().startsWith("status.diverged") || s.key().equals("status.failed"));
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
        return messages.format(status.key(), status.args().toArray());
    }
}
