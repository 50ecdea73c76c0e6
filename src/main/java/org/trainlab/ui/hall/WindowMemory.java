package org.trainlab.ui.hall;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

import org.trainlab.data.AppDirs;

/**
 * The window's size and position between starts: a small properties file in the user's data folder
 * (written whole, then moved into place). A missing, damaged or half-written file reads as nothing
 * remembered, and the window opens fitted to its screen.
 */
public final class WindowMemory {

    public static final String FILE = "window.properties";
    private final Path file;

    public WindowMemory(Path file) {
        this.file = file;
    }

    /** The file in the user's data folder. */
    public static WindowMemory standard() {
        return new WindowMemory(AppDirs.dataDir().resolve(FILE));
    }

    public Optional<WindowPlacement.Remembered> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            String maximized = p.getProperty("maximized", "");
            if (!maximized.equals("true") && !maximized.equals("false")) {
                return Optional.empty();
            }
            WindowPlacement.Box bounds = new WindowPlacement.Box(number(p, "x"), number(p, "y"), number(p, "width"),
                    number(p, "height"));
            return bounds.finite() ? Optional.of(new WindowPlacement.Remembered(bounds, maximized.equals("true")))
                    : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            // a damaged file is as good as none: the window opens fitted to its screen
            return Optional.empty();
        }
    }

    private static double number(Properties p, String key) {
        String text = p.getProperty(key);
        return text == null ? Double.NaN : Double.parseDouble(text.strip());
    }

    /** Writes the file; a failure only costs the next start its remembered size. */
    public void save(WindowPlacement.Remembered remembered) {
        Properties p = new Properties();
        WindowPlacement.Box b = remembered.bounds();
        p.setProperty("x", Long.toString(Math.round(b.x())));
        p.setProperty("y", Long.toString(Math.round(b.y())));
        p.setProperty("width", Long.toString(Math.round(b.width())));
        p.setProperty("height", Long.toString(Math.round(b.height())));
        p.setProperty("maximized", Boolean.toString(remembered.maximized()));
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(FILE + ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "TrainLab window: size and position at the last close");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("TrainLab: the window's size could not be remembered in " + file + ": " + e.getMessage());
        }
    }
}
