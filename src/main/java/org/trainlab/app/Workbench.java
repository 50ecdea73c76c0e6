package org.trainlab.app;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.trainlab.engine.NativeRuntime;
import org.trainlab.engine.TrainingService;
import org.trainlab.ui.MainViewModel;
import org.trainlab.ui.MainWindow;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.run.Trainer;
import org.trainlab.ui.settings.DatasetAccess;
import org.trainlab.ui.settings.SettingsViewModel;
import org.trainlab.ui.theme.Fonts;

/**
 * Wires the workbench window: fonts, the training service, the view models and the window, and
 * loads the native libraries in the background so the window is usable at once. The application
 * and the window tests both open it through here.
 */
public final class Workbench implements AutoCloseable {

    /** Set to true to start a run with the default settings as soon as the window shows (for screenshots and demos). */
    public static final String AUTOSTART_PROPERTY = "trainlab.autostart";

    private final TrainingService service;
    private final ExecutorService background;
    private final MainViewModel viewModel;
    private final MainWindow window;

    private Workbench(Stage stage, Locale locale) {
        Fonts.load();
        service = new TrainingService(1);
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "trainlab-ui-background");
            t.setDaemon(true);
            return t;
        });
        SettingsViewModel settings = new SettingsViewModel(DatasetAccess.standard(), background, Platform::runLater);
        viewModel = new MainViewModel(settings, Trainer.of(service), new MetricDrain(), locale);
        window = new MainWindow(stage, viewModel);
    }

    /** Opens the window on {@code stage}; FX thread. */
    public static Workbench open(Stage stage, Locale locale) {
        Workbench workbench = new Workbench(stage, locale);
        workbench.window.show();
        workbench.loadNativeLibraries();
        if (Boolean.getBoolean(AUTOSTART_PROPERTY)) {
            // after the bundled digits are in, which the first run needs
            workbench.viewModel.run().canStartProperty().subscribe(can -> {
                if (can && workbench.viewModel.run().stateProperty().get() == null) {
                    workbench.viewModel.run().start();
                }
            });
        }
        return workbench;
    }

    private void loadNativeLibraries() {
        // leave a core to the window, so sliders and charts stay smooth and training does not stall
        NativeRuntime.limitThreads(Runtime.getRuntime().availableProcessors() - 1);
        Thread loader = new Thread(() -> {
            try {
                NativeRuntime.Info info = NativeRuntime.ensureLoaded();
                Platform.runLater(() -> viewModel.engineReady(info.summary()));
            } catch (Throwable t) {
                // a run would fail with the same cause; say it now, while nothing depends on it
                Platform.runLater(() -> viewModel.engineFailed(t.toString()));
            }
        }, "trainlab-native-loader");
        loader.setDaemon(true);
        loader.start();
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public MainWindow window() {
        return window;
    }

    /** Stops any run and the drain; FX thread. */
    @Override
    public void close() {
        viewModel.run().stop();
        window.close();
        service.close();
        background.shutdownNow();
    }
}
