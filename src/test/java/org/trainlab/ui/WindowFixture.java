package org.trainlab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainlab.TemporaryProperty;
import org.trainlab.app.Workbench;
import org.trainlab.data.AppDirs;
import org.trainlab.experiment.record.EpochMetrics;
import org.trainlab.session.Session;
import org.trainlab.session.SessionStore;

/**
 * What the tests of the real window set up alike: a data folder of the test class's own (its autosave and
 * presets), perhaps an autosave left as a crash leaves it, and the window opened in English for each test
 * and closed after it. Made in {@code @BeforeAll}; {@link #open} in {@code @Start}, {@link #close} in
 * {@code @AfterEach}, {@link #restoreDataFolder} in {@code @AfterAll}.
 */
public final class WindowFixture {

    private final Path data;
    private final TemporaryProperty dataFolder;
    private Workbench workbench;

    private WindowFixture(Path data, TemporaryProperty dataFolder) {
        this.data = data;
        this.dataFolder = dataFolder;
    }

    /** Points the data folder at a new temporary one, named with {@code prefix}, until {@link #restoreDataFolder}. */
    public static WindowFixture ownDataFolder(String prefix) throws IOException {
        Path data = Files.createTempDirectory(prefix);
        return new WindowFixture(data, TemporaryProperty.set(AppDirs.DATA_PROPERTY, data.toString()));
    }

    /** The test's data folder (its {@code presets} folder is where the window finds the user's presets). */
    public Path data() {
        return data;
    }

    /** Leaves {@code session} as the autosave without its clean marker, as {@code kill -9} in the middle of training does. */
    public WindowFixture crashedWith(Session session) throws IOException {
        SessionStore.autosave().save(session);
        return this;
    }

    /** Opens the real window, in English, on {@code stage}. */
    public Workbench open(Stage stage) {
        workbench = Workbench.open(stage, Locale.ENGLISH);
        return workbench;
    }

    /** Closes the window the test opened. */
    public void close(FxRobot robot) {
        robot.interact(workbench::close);
    }

    public void restoreDataFolder() {
        dataFolder.close();
    }

    /** Waits until the window offers the autosave back. */
    public static void awaitRestoreOffer(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Restore").tryQuery().isPresent());
    }

    /** Takes the window's offer of the autosave back, once it is made. */
    public static void restore(FxRobot robot) throws TimeoutException {
        awaitRestoreOffer(robot);
        robot.clickOn("Restore");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A finished epoch {@code n} (from 1) with plausible figures: 4 batches an epoch, accuracy rising. */
    public static EpochMetrics epoch(int n) {
        return new EpochMetrics(n, 4L * n, 1.0 / n, 0.6 + n / 10.0, 1.1 / n, 0.55 + n / 20.0, 1e-3, 1e-3, 10, 100, 2.0 * n);
    }
}
