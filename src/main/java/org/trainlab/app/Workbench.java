package org.trainlab.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.trainlab.engine.BackgroundPriority;
import org.trainlab.engine.NativeGate;
import org.trainlab.engine.NativeRuntime;
import org.trainlab.engine.TrainingService;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionAutosaver;
import org.trainlab.session.SessionFormatException;
import org.trainlab.session.SessionStore;
import org.trainlab.ui.MainViewModel;
import org.trainlab.ui.MainWindow;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.runs.Trainer;
import org.trainlab.ui.tasks.ExecutorTasks;
import org.trainlab.ui.workspace.Workspace;
import org.trainlab.ui.settings.DatasetAccess;
import org.trainlab.ui.settings.SettingsViewModel;
import org.trainlab.ui.theme.Fonts;
import org.trainlab.preset.Preset;
import org.trainlab.ui.runs.Status;

/**
 * Wires the workbench window: fonts, the training service, the session with its autosave, the view
 * models and the window; loads the native libraries in the background so the window is usable at once,
 * and offers to restore the autosave of a session that did not end normally. The application and the
 * window tests both open it through here.
 */
public final class Workbench implements AutoCloseable {

    /** Set to true to start a run with the default settings as soon as the window shows (for screenshots and demos). */
    public static final String AUTOSTART_PROPERTY = "trainlab.autostart";
    /** Set to a preset's id (e.g. "overfitting") to queue it as soon as the window shows (for screenshots and demos). */
    public static final String PRESET_PROPERTY = "trainlab.preset";
    /** A session file to open once the window shows (set by {@link Main} for a file opened from the file manager). */
    public static final String OPEN_PROPERTY = "trainlab.open";

    private final TrainingService service;
    private final ExecutorService background;
    private final LiveSession session = new LiveSession(Session.empty());
    private final SessionStore store = SessionStore.autosave();
    private final MainViewModel viewModel;
    private final MetricDrain drain;
    private final MainWindow window;
    private final Stage stage;
    /** Null until the user has decided about an earlier autosave, so nothing overwrites it before then. */
    private volatile SessionAutosaver autosaver;
    /** Held while this window owns the autosave, so a second window neither overwrites it nor offers it back. */
    private FileChannel lockChannel;
    private FileLock lock;
    private boolean closed;

    private Workbench(Stage stage, Locale locale) {
        this.stage = stage;
        // the window first: JIT compilation and training take the cores it leaves (decision 7)
        BackgroundPriority.lowerCompilerThreads();
        Fonts.load();
        int concurrency = TrainingService.defaultConcurrency();
        service = TrainingService.background(concurrency);
        background = Executors.newSingleThreadExecutor(r -> {
            // file work and the panel's figures (normalization statistics over thousands of digits)
            // can wait for the window too
            Thread t = new Thread(BackgroundPriority.lowered(r), "trainlab-ui-background");
            t.setDaemon(true);
            return t;
        });
        SettingsViewModel settings = new SettingsViewModel(DatasetAccess.standard(), background, Platform::runLater);
        drain = new MetricDrain();
        viewModel = new MainViewModel(settings, drain, locale, (charts, language) -> new Workspace(session,
                settings, charts, Trainer.of(service), drain, this::requestSave, ExecutorTasks.fx(background),
                System::nanoTime, language));
        viewModel.workspace().queue().setConcurrency(concurrency);
        window = new MainWindow(stage, viewModel);
        SessionArgument.addIcons(stage);
        // a terminated program (SIGTERM, logout) exits only once no batch runs (NativeGate's hook);
        // then the session is saved once more with every finished epoch, left to restore
        NativeGate.process().afterClosing(this::saveBeforeExit);
    }

    /** The one door from the training threads to the charts; for the window harness's figures. */
    MetricDrain drain() {
        return drain;
    }

    /** Opens the window on {@code stage}; FX thread. */
    public static Workbench open(Stage stage, Locale locale) {
        Workbench workbench = new Workbench(stage, locale);
        workbench.window.show();
        workbench.loadNativeLibraries();
        workbench.viewModel.workspace().presets().loadPresets();
        // after the window shows, so the question appears over it
        Platform.runLater(() -> {
            workbench.offerRecovery();
            String open = System.getProperty(OPEN_PROPERTY, "").strip();
            if (!open.isEmpty()) {
                workbench.viewModel.workspace().files().openSession(java.nio.file.Path.of(open));
            }
        });
        if (Boolean.getBoolean(AUTOSTART_PROPERTY)) {
            // after the bundled digits are in, which the first run needs
            workbench.viewModel.workspace().queue().canStartProperty().subscribe(can -> {
                if (can && !workbench.viewModel.runs().hasRunsProperty().get()) {
                    workbench.viewModel.workspace().queue().start();
                }
            });
        }
        String preset = System.getProperty(PRESET_PROPERTY, "").strip();
        if (!preset.isEmpty()) {
            workbench.viewModel.workspace().presets().presets().addListener((javafx.collections.ListChangeListener<Preset>) c ->
                    workbench.viewModel.workspace().presets().presets().stream().filter(p -> p.id().equals(preset)).findFirst()
                            .filter(p -> !workbench.viewModel.runs().hasRunsProperty().get())
                            .ifPresent(p -> workbench.viewModel.workspace().presets().queuePreset(p)));
        }
        return workbench;
    }

    /**
     * A session autosaved by a program that did not end normally (a crash, {@code kill -9}) is offered
     * back with every finished epoch; an unreadable one has been set aside, and the user is told where.
     */
    private void offerRecovery() {
        if (closed) {
            return;
        }
        if (!ownAutosave()) {
            // another window is working: its autosave is not a crashed session, and it is not ours to write
            viewModel.runs().showStatus(Status.of("status.autosaveElsewhere"));
            return;
        }
        Messages messages = Messages.of(viewModel.localeProperty().get());
        try {
            Optional<Session> found = store.findRecoverable();
            if (found.isPresent() && !found.get().runs().isEmpty() && askRestore(messages, found.get())) {
                viewModel.workspace().files().restore(found.get());
            }
        } catch (SessionFormatException e) {
            Alert alert = alert(Alert.AlertType.WARNING, messages, messages.format("recover.damaged", e.getMessage()));
            alert.showAndWait();
        } catch (IOException e) {
            Alert alert = alert(Alert.AlertType.WARNING, messages,
                    messages.format("recover.unreadable", store.file().toString(), e.getMessage()));
            alert.showAndWait();
        }
        autosaver = new SessionAutosaver(store, session::snapshot);
        autosaver.setProblemListener(problem -> Platform.runLater(() -> viewModel.runs().showStatus(
                Status.of("status.autosaveFailed", problem))));
        if (!session.snapshot().runs().isEmpty()) {
            autosaver.requestSave();
        }
    }

    /** Takes the autosave's lock file; false when another TrainLab window holds it. */
    private boolean ownAutosave() {
        try {
            Path file = store.file().resolveSibling(store.file().getFileName() + ".lock");
            Files.createDirectories(file.getParent());
            lockChannel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            releaseLock();
        }
        return lock != null;
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
        lock = null;
        lockChannel = null;
    }

    private boolean askRestore(Messages messages, Session found) throws IOException {
        int epochs = found.runs().stream().mapToInt(r -> r.epochs().size()).sum();
        String when = store.savedAt().map(t -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(messages.locale()).format(t.atZone(ZoneId.systemDefault()))).orElse("?");
        ButtonType restore = new ButtonType(messages.get("recover.restore"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(messages.get("recover.discard"), ButtonBar.ButtonData.NO);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, messages,
                messages.format("recover.text", found.runs().size(), epochs, when));
        alert.getButtonTypes().setAll(restore, discard);
        return alert.showAndWait().orElse(discard) == restore;
    }

    private Alert alert(Alert.AlertType type, Messages messages, String text) {
        Alert alert = new Alert(type);
        alert.initOwner(stage);
        alert.setTitle(messages.get("recover.title"));
        alert.setHeaderText(messages.get("recover.title"));
        alert.setContentText(text);
        alert.getDialogPane().getStylesheets().add(
                Objects.requireNonNull(Workbench.class.getResource(MainWindow.STYLESHEET)).toExternalForm());
        alert.getDialogPane().getStyleClass().add("trainlab-dialog");
        return alert;
    }

    /** In the exit's shutdown hook, after the last batch: a final save, not marked clean (a logout is no Quit). */
    private void saveBeforeExit() {
        SessionAutosaver saver = autosaver;
        if (saver != null) {
            saver.close();
        }
    }

    private void requestSave() {
        SessionAutosaver saver = autosaver;
        if (saver != null) {
            saver.requestSave();
        }
    }

    private void loadNativeLibraries() {
        // leave a core to the window, so sliders and charts stay smooth and training does not stall
        // (-Dtrainlab.threadsPerRun=N overrides, for measuring)
        NativeRuntime.limitThreads(Integer.getInteger("trainlab.threadsPerRun", Runtime.getRuntime().availableProcessors() - 1));
        // native worker pools started while loading inherit the loader's lower priority
        Thread loader = new Thread(BackgroundPriority.lowered(() -> {
            try {
                NativeRuntime.Info info = NativeRuntime.ensureLoaded();
                Platform.runLater(() -> viewModel.engineReady(EngineLine.of(info)));
            } catch (Throwable t) {
                // a run would fail with the same cause; say it now, while nothing depends on it
                Platform.runLater(() -> viewModel.engineFailed(t.toString()));
            }
        }), "trainlab-native-loader");
        loader.setDaemon(true);
        loader.start();
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public MainWindow window() {
        return window;
    }

    /** Where the session is autosaved. */
    public SessionStore store() {
        return store;
    }

    /** Stops every run and the drain, and marks the autosave as cleanly closed; FX thread. */
    @Override
    public void close() {
        closed = true;
        viewModel.workspace().queue().stopAll();
        window.close();
        service.close();
        SessionAutosaver saver = autosaver;
        if (saver != null) {
            saver.markClean();
        }
        releaseLock();
        background.shutdownNow();
    }
}
