package org.trainlab.app;

import java.nio.file.Files;
import java.util.Locale;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.trainlab.session.SessionJson;
import org.trainlab.experiment.text.Messages;

/**
 * The real window as {@link Main} starts it ({@link TrainLabApp}'s two steps, then {@code System.exit}),
 * with four runs training at once, ended the way a user ends it: {@code -Dexit.by=quit} picks
 * File › Quit from the menu bar, {@code close} asks the window to close (the title bar's ✕), both once
 * the autosave holds {@code -Dexit.afterEpochs} epochs, and confirm the "runs are training" question;
 * {@code sigterm} just trains, for the parent to terminate. Used by {@link TerminationTest} in a child JVM.
 */
public final class ExitDriver {

    private ExitDriver() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
        System.out.println("window closed");
        System.exit(0);
    }

    /** The application; public for the launcher. */
    public static final class App extends Application {

        private Workbench workbench;
        private Stage stage;
        private boolean exiting;

        @Override
        public void start(Stage stage) {
            this.stage = stage;
            workbench = Workbench.open(stage, Locale.ENGLISH);
            workbench.viewModel().workspace().queue().setConcurrency(4);
            String by = System.getProperty("exit.by", "sigterm");
            int afterEpochs = Integer.getInteger("exit.afterEpochs", 2);
            Timeline poll = new Timeline(new KeyFrame(Duration.millis(100), e -> {
                confirmQuestions();
                if (!exiting && !by.equals("sigterm") && epochsOnDisk() >= afterEpochs) {
                    exiting = true;
                    System.out.println("exiting by " + by);
                    // later, so the dialog this opens runs its own loop outside the timeline's pulse
                    Platform.runLater(by.equals("quit") ? this::quit : this::close);
                }
            }));
            poll.setCycleCount(Timeline.INDEFINITE);
            poll.play();
        }

        @Override
        public void stop() {
            workbench.close();
        }

        private int epochsOnDisk() {
            try {
                var file = workbench.store().file();
                return Files.exists(file) ? SessionJson.read(file).runs().stream().mapToInt(r -> r.epochs().size()).sum() : 0;
            } catch (Exception e) {
                return 0;
            }
        }

        private void quit() {
            String label = Messages.of(Locale.ENGLISH).get("menu.file.quit");
            MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
            for (Menu menu : bar.getMenus()) {
                for (MenuItem item : menu.getItems()) {
                    if (label.equals(item.getText())) {
                        item.fire();
                        return;
                    }
                }
            }
            throw new IllegalStateException("no " + label + " in the menu bar");
        }

        private void close() {
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            if (stage.isShowing()) {
                stage.close(); // a request not consumed closes the window, as the window manager does
            }
        }

        /**
         * Answers the window's questions as a user in a hurry does: OK to "runs are training", "don't save" to
         * "save the session?" (its autosave stays); a dialog's nested loop keeps this timeline going.
         */
        private static void confirmQuestions() {
            for (Window window : Window.getWindows()) {
                if (window instanceof Stage dialog && dialog.getScene() != null
                        && dialog.getScene().getRoot() instanceof DialogPane pane) {
                    for (var type : pane.getButtonTypes()) {
                        ButtonBar.ButtonData data = type.getButtonData();
                        if (data == ButtonBar.ButtonData.OK_DONE || data == ButtonBar.ButtonData.NO) {
                            ((Button) pane.lookupButton(type)).fire();
                            return;
                        }
                    }
                }
            }
        }
    }
}
