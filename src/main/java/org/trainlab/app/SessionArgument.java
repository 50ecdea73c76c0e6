package org.trainlab.app;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** What an installed TrainLab gets from the desktop: a session file to open, and its icon for the window. */
final class SessionArgument {

    /** The file name ending the installers associate with TrainLab. */
    static final String EXTENSION = ".trainlab.json";

    private SessionArgument() {
    }

    /** An existing file named *.trainlab.json (or any *.json that is not a command name): open it in the window. */
    static boolean isSessionFile(String arg) {
        String name = arg.toLowerCase(Locale.ROOT);
        if (!name.endsWith(".json") || arg.startsWith("-")) {
            return false;
        }
        try {
            return Files.isRegularFile(Path.of(arg));
        } catch (RuntimeException e) {
            return false; // not a path on this system
        }
    }

    /** The application icon in the sizes the window managers pick from. */
    static void addIcons(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            try (InputStream in = SessionArgument.class.getResourceAsStream("/assets/icon/trainlab-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // no icon: the window manager's default
            }
        }
    }
}
