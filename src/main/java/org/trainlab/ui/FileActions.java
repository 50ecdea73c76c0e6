package org.trainlab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.trainlab.experiment.io.AtomicFiles;
import org.trainlab.export.Dl4jExport;
import org.trainlab.ui.charts.ChartExport;
import org.trainlab.ui.charts.ChartsView;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.runs.Notice;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.runs.Status;
import org.trainlab.ui.tasks.BackgroundTasks;
import org.trainlab.ui.workspace.Workspace;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The window's file dialogs: opening and saving sessions (asking before changes would be lost), and every
 * export (metrics CSV, charts as PNG and SVG, settings JSON, PyTorch and DL4J code, to a file or the
 * clipboard). Files are written in the background through the workspace's task door; failures come back
 * as notices.
 */
final class FileActions {

    /** Where the last file dialog was, for the next one. */
    private static File lastFolder;

    private final Stage stage;
    private final Messages messages;
    private final Workspace workspace;
    private final RunsViewModel runs;
    private final BackgroundTasks tasks;
    private final Supplier<ChartsView> charts;

    FileActions(Stage stage, Messages messages, Workspace workspace, Supplier<ChartsView> charts) {
        this.stage = stage;
        this.messages = messages;
        this.workspace = workspace;
        this.runs = workspace.runs();
        this.tasks = workspace.tasks();
        this.charts = charts;
    }

    // ---- Sessions

    void newSession() {
        if (mayReplaceSession()) {
            workspace.files().newSession();
        }
    }

    void open() {
        if (!mayReplaceSession()) {
            return;
        }
        FileChooser chooser = chooser("dialog.open.title", "dialog.filter.session", "*.json");
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            remember(file);
            workspace.files().openSession(file.toPath());
        }
    }

    void save() {
        Path file = workspace.files().sessionFileProperty().get();
        if (file == null) {
            saveAs();
        } else {
            workspace.files().saveSession(file);
        }
    }

    void saveAs() {
        Path file = chooseSessionFile();
        if (file != null) {
            workspace.files().saveSession(file);
        }
    }

    private Path chooseSessionFile() {
        FileChooser chooser = chooser("dialog.save.title", "dialog.filter.session", "*.json");
        Path current = workspace.files().sessionFileProperty().get();
        chooser.setInitialFileName(current != null ? current.getFileName().toString() : messages.get("dialog.save.name"));
        File file = chooser.showSaveDialog(stage);
        if (file == null) {
            return null;
        }
        remember(file);
        return withExtension(file.toPath(), ".json");
    }

    /**
     * Before the session is replaced or the window closes: runs in progress would stop, and changes
     * since the last save would be lost (the autosave keeps them only until the next session). Asks,
     * and saves first when told to.
     */
    boolean mayReplaceSession() {
        if (workspace.queue().busy()) {
            Alert alert = alert(Alert.AlertType.CONFIRMATION, "dialog.busy.title", messages.get("dialog.busy.text"));
            if (alert.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return false;
            }
        }
        if (!workspace.files().dirtyProperty().get() || !runs.hasRunsProperty().get()) {
            return true;
        }
        ButtonType save = new ButtonType(messages.get("dialog.unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(messages.get("dialog.unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "dialog.unsaved.title", messages.get("dialog.unsaved.text"));
        alert.getButtonTypes().setAll(save, discard, cancel);
        ButtonType answer = alert.showAndWait().orElse(cancel);
        if (answer == discard) {
            return true;
        }
        if (answer != save) {
            return false;
        }
        Path file = workspace.files().sessionFileProperty().get() != null ? workspace.files().sessionFileProperty().get() : chooseSessionFile();
        if (file == null) {
            return false;
        }
        try {
            workspace.files().saveSessionNow(file);
            return true;
        } catch (IOException | RuntimeException e) {
            show(Notice.error("notice.write.title", "notice.write.failed", file.toString(), String.valueOf(e.getMessage())));
            return false;
        }
    }

    // ---- Exports

    void exportMetrics(boolean allRuns) {
        String name = allRuns ? messages.get("dialog.metrics.allName") : workspace.export().exportBaseName() + ".csv";
        Path file = saveFile("dialog.export.title", "dialog.filter.csv", "*.csv", name, ".csv");
        if (file != null) {
            workspace.export().exportMetrics(file, allRuns);
        }
    }

    void exportSettings() {
        Path file = saveFile("dialog.export.title", "dialog.filter.json", "*.json", workspace.export().exportBaseName() + ".json", ".json");
        if (file != null) {
            workspace.export().exportSettings(file);
        }
    }

    void exportPyTorch() {
        Path file = saveFile("dialog.export.title", "dialog.filter.python", "*.py", "train.py", ".py");
        if (file != null) {
            workspace.export().exportText(file, workspace.export().pyTorchCode());
        }
    }

    void exportDl4j() {
        Path file = saveFile("dialog.export.title", "dialog.filter.java", "*.java", Dl4jExport.DEFAULT_CLASS_NAME + ".java", ".java");
        if (file != null) {
            workspace.export().exportText(file, workspace.export().dl4jCode());
        }
    }

    void copyPyTorch() {
        copy(workspace.export().pyTorchCode(), "status.copied.pytorch");
    }

    void copyDl4j() {
        copy(workspace.export().dl4jCode(), "status.copied.dl4j");
    }

    private void copy(String code, String statusKey) {
        ClipboardContent content = new ClipboardContent();
        content.putString(code);
        Clipboard.getSystemClipboard().setContent(content);
        runs.showStatus(Status.of(statusKey, workspace.export().exportBaseName()));
    }

    /** One chart, from its context menu. */
    void exportChart(String id, String format) {
        String filter = format.equals("png") ? "dialog.filter.png" : "dialog.filter.svg";
        Path file = saveFile("dialog.export.title", filter, "*." + format, chartFileName(id, format), "." + format);
        if (file != null) {
            writeChart(file, id, format);
        }
    }

    /** Every chart in one format into a folder. */
    void exportCharts(String format) {
        Path folder = chooseFolder();
        if (folder != null) {
            for (String id : ChartsView.IDS) {
                writeChart(folder.resolve(chartFileName(id, format)), id, format);
            }
        }
    }

    /** Everything at once into a folder: metrics of all runs, every chart as PNG and SVG, the active run's settings and code. */
    void exportAll() {
        Path folder = chooseFolder();
        if (folder == null) {
            return;
        }
        workspace.export().exportMetrics(folder.resolve(messages.get("dialog.metrics.allName")), true);
        for (String id : ChartsView.IDS) {
            writeChart(folder.resolve(chartFileName(id, "png")), id, "png");
            writeChart(folder.resolve(chartFileName(id, "svg")), id, "svg");
        }
        String base = workspace.export().exportBaseName();
        workspace.export().exportSettings(folder.resolve(base + ".json"));
        workspace.export().exportText(folder.resolve(base + ".py"), workspace.export().pyTorchCode());
        workspace.export().exportText(folder.resolve(Dl4jExport.DEFAULT_CLASS_NAME + ".java"), workspace.export().dl4jCode());
        exportInside(folder);
        runs.showStatus(Status.of("status.exportedAll", folder.toString()));
    }

    /** Where the Inside views' files come from (the Inside view, once the window made it). */
    void insideFiles(java.util.concurrent.Callable<java.util.Map<String, byte[]>> source) {
        this.insideFiles = source;
    }

    private java.util.concurrent.Callable<java.util.Map<String, byte[]>> insideFiles = java.util.Map::of;

    /** The selected run's Inside views (PNG, SVG) and its confusion and layer CSVs, drawn here, written in the background. */
    private void exportInside(Path folder) {
        java.util.Map<String, byte[]> files;
        try {
            files = insideFiles.call();
        } catch (Exception e) {
            show(Notice.error("notice.write.title", "notice.write.failed", folder.toString(),
                    String.valueOf(e.getMessage())));
            return;
        }
        files.forEach((name, bytes) -> {
            Path file = folder.resolve(name);
            writeInBackground(file, () -> AtomicFiles.writeShared(file, bytes));
        });
    }

    /** Draws on the FX thread (the chart reads live data); encodes and writes in the background. */
    private void writeChart(Path file, String id, String format) {
        JFreeChart chart = charts.get().charts().get(id);
        String title = messages.get("chart." + id + ".title");
        LegendItemCollection legend = charts.get().exportLegend(id);
        if (format.equals("png")) {
            BufferedImage image = ChartExport.image(chart, title, legend, ChartExport.WIDTH,
                    ChartExport.HEIGHT, ChartExport.PNG_SCALE);
            writeInBackground(file, () -> ChartExport.writeAtomically(file, ChartExport.pngBytes(image)));
        } else {
            String svg = ChartExport.svg(chart, title, legend);
            writeInBackground(file, () -> AtomicFiles.writeShared(file, svg));
        }
    }

    /** Writes through the task door; the status line says where, a failure is shown naming the file. */
    private void writeInBackground(Path file, BackgroundTasks.Job write) {
        tasks.runJob(write, () -> runs.showStatus(Status.of("status.exported", file.toString())),
                e -> show(Notice.error("notice.write.title", "notice.write.failed", file.toString(),
                        String.valueOf(e.getMessage()))));
    }

    private String chartFileName(String id, String format) {
        return messages.get("chart." + id + ".file") + "." + format;
    }

    // ---- Dialogs

    /** Shows a notice from the runs model as a dialog over the window. */
    void show(Notice notice) {
        Alert alert = alert(notice.error() ? Alert.AlertType.ERROR : Alert.AlertType.INFORMATION, notice.titleKey(),
                messages.format(notice.textKey(), notice.args().toArray()));
        alert.showAndWait();
    }

    private Alert alert(Alert.AlertType type, String titleKey, String text) {
        Alert alert = new Alert(type);
        alert.initOwner(stage);
        alert.setTitle(messages.get(titleKey));
        alert.setHeaderText(messages.get(titleKey));
        alert.setContentText(text);
        alert.getDialogPane().getStylesheets().add(
                Objects.requireNonNull(FileActions.class.getResource(MainWindow.STYLESHEET)).toExternalForm());
        alert.getDialogPane().getStyleClass().add("trainlab-dialog");
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return alert;
    }

    private FileChooser chooser(String titleKey, String filterKey, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get(filterKey), pattern));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Path saveFile(String titleKey, String filterKey, String pattern, String name, String extension) {
        FileChooser chooser = chooser(titleKey, filterKey, pattern);
        chooser.setInitialFileName(name);
        File file = chooser.showSaveDialog(stage);
        if (file == null) {
            return null;
        }
        remember(file);
        return withExtension(file.toPath(), extension);
    }

    private Path chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("dialog.folder.title"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File folder = chooser.showDialog(stage);
        if (folder == null) {
            return null;
        }
        lastFolder = folder;
        return folder.toPath();
    }

    private static void remember(File file) {
        lastFolder = file.getAbsoluteFile().getParentFile();
    }

    private static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(extension) ? file : file.resolveSibling(name + extension);
    }

}
