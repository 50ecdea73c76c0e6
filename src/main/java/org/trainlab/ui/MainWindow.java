package org.trainlab.ui;

import java.util.Locale;
import java.util.Objects;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.util.Subscription;
import org.trainlab.ui.hall.HallLayout;
import org.trainlab.ui.hall.HallOptions;
import org.trainlab.ui.hall.WindowFit;
import org.trainlab.ui.hall.WindowMemory;
import org.trainlab.ui.hall.WindowPlacement;
import org.trainlab.experiment.text.Messages;

/**
 * The stage and its scene: sized to the screen, themed, with the run shortcuts; swaps in a freshly
 * built {@link MainView} when the language changes, over the same view models, so every setting and
 * every curve stays. Drives replays a few times a second and asks before closing with unsaved runs.
 */
public final class MainWindow {

    public static final String STYLESHEET = "/org/trainlab/ui/trainlab.css";
    /** Extra shortcuts beside the menu's F5/F6/F7. */
    public static final KeyCombination START_ALT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination PAUSE_ALT = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination STOP_ALT = new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);

    private final Stage stage;
    private final MainViewModel vm;
    /** Replays move on at most this often: smooth enough to watch, cheap for the charts. */
    static final long REPLAY_FRAME_NANOS = 66_000_000L;

    private MainView view;
    private final WindowFit fit;
    private Subscription languageSubscription;
    private final AnimationTimer replayTimer = new AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
            if (now - last >= REPLAY_FRAME_NANOS) {
                last = now;
                vm.workspace().replay().replayTick();
            }
        }
    };
    private Subscription replaySubscription;

    public MainWindow(Stage stage, MainViewModel vm) {
        this.stage = stage;
        this.vm = vm;
        this.fit = new WindowFit(stage, WindowMemory.standard());
    }

    /** Builds the scene and shows the window; FX thread. */
    public void show() {
        view = new MainView(vm, Messages.of(vm.localeProperty().get()), stage);
        // fitted to its screen (the whole of a small one), or as it was when it last closed
        WindowPlacement.Placement placement = fit.placement();
        Scene scene = new Scene(view.root(), placement.bounds().width(), placement.bounds().height());
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(STYLESHEET)).toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(HallLayout.STYLESHEET)).toExternalForm());
        scene.getAccelerators().put(START_ALT, () -> vm.workspace().queue().start());
        scene.getAccelerators().put(PAUSE_ALT, () -> vm.workspace().queue().togglePause());
        scene.getAccelerators().put(STOP_ALT, () -> vm.workspace().queue().stop());
        stage.setScene(scene);
        fit.apply(placement, vm.projectorModeProperty());
        HallOptions.apply(vm.projectorModeProperty(), vm.hall());
        languageSubscription = vm.localeProperty().subscribe((old, locale) -> switchLanguage(locale));
        replaySubscription = vm.workspace().replay().replayingProperty().subscribe(on -> {
            if (on) {
                replayTimer.start();
            } else {
                replayTimer.stop();
            }
        });
        stage.setOnCloseRequest(e -> {
            if (!view.files().mayReplaceSession()) {
                e.consume();
            }
        });
        vm.drain().start();
        stage.show();
    }

    private void switchLanguage(Locale locale) {
        MainView old = view;
        view = new MainView(vm, Messages.of(locale), stage);
        stage.getScene().setRoot(view.root());
        old.dispose();
    }

    /** Stops the drain and unbinds the views; the view models stay usable. */
    public void close() {
        fit.remember();
        vm.drain().stop();
        replayTimer.stop();
        if (languageSubscription != null) {
            languageSubscription.unsubscribe();
            replaySubscription.unsubscribe();
        }
        if (view != null) {
            view.dispose();
        }
    }

    public MainView view() {
        return view;
    }
}
