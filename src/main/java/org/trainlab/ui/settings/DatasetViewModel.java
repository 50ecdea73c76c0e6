package org.trainlab.ui.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.trainlab.data.Dataset;
import org.trainlab.data.DatasetCatalog;
import org.trainlab.data.DatasetDownloader;
import org.trainlab.data.DatasetSplit;
import org.trainlab.data.NormalizationStats;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.NormalizationKind;
import java.util.Arrays;
import java.util.List;

/**
 * The chosen dataset's availability: loading, downloading (with progress, cancellable), ready or
 * unusable and why; and the normalization mean/std of the chosen training subset. Loading,
 * downloading and statistics run on the background executor; every property changes on the FX
 * executor. A result that arrives after the choice changed again is dropped.
 */
public final class DatasetViewModel {

    public enum Availability {
        /** Loading files already on disk. */
        LOADING,
        DOWNLOADING,
        READY,
        /** A downloadable dataset that is not on disk: the download failed or was cancelled. */
        NOT_DOWNLOADED,
        /** The files are there but cannot be read (an IDX folder missing files, a corrupt file). */
        UNREADABLE,
        /** Nothing chosen yet (an IDX folder source with no folder). */
        NONE
    }

    private final DatasetAccess access;
    private final Executor background;
    private final Executor fx;

    // Properties
    private final ReadOnlyObjectWrapper<Availability> availability = new ReadOnlyObjectWrapper<>(this, "availability", Availability.LOADING);
    private final ReadOnlyDoubleWrapper downloadProgress = new ReadOnlyDoubleWrapper(this, "downloadProgress", 0);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyObjectWrapper<DatasetSplit> split = new ReadOnlyObjectWrapper<>(this, "split");
    private final ReadOnlyObjectWrapper<Dataset> bundledTrain = new ReadOnlyObjectWrapper<>(this, "bundledTrain");
    private final ReadOnlyObjectWrapper<NormalizationStats> stats = new ReadOnlyObjectWrapper<>(this, "stats");

    // FX-thread state
    private final Map<String, DatasetSplit> loaded = new HashMap<>();
    private DatasetSource source;
    private String folder;
    private int choice;
    private int statsRequest;
    private Object statsFor; // what the current figures were asked for: skips repeated requests
    private AtomicBoolean cancel = new AtomicBoolean();

    public DatasetViewModel(DatasetAccess access, Executor background, Executor fx) {
        this.access = access;
        this.background = background;
        this.fx = fx;
    }

    public ReadOnlyObjectProperty<Availability> availabilityProperty() {
        return availability.getReadOnlyProperty();
    }

    /** 0 to 1 while downloading. */
    public ReadOnlyDoubleProperty downloadProgressProperty() {
        return downloadProgress.getReadOnlyProperty();
    }

    /** Why the dataset is not usable, as the system said it (file names, URLs), or empty. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The chosen dataset once loaded, all its training images; null before. */
    public ReadOnlyObjectProperty<DatasetSplit> splitProperty() {
        return split.getReadOnlyProperty();
    }

    /** The bundled training digits, for the augmentation preview whatever the chosen dataset. */
    public ReadOnlyObjectProperty<Dataset> bundledTrainProperty() {
        return bundledTrain.getReadOnlyProperty();
    }

    /** Mean and std that normalization will use; null while unknown. */
    public ReadOnlyObjectProperty<NormalizationStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public DatasetSource source() {
        return source;
    }

    /** Loads the bundled digits in the background; the preview and the default dataset need them. */
    public void start() {
        background.execute(() -> {
            try {
                DatasetSplit digits = access.bundled();
                fx.execute(() -> {
                    loaded.put(key(DatasetSource.BUNDLED_DIGITS, null), digits);
                    bundledTrain.set(digits.train());
                    if (source == DatasetSource.BUNDLED_DIGITS) {
                        ready(digits);
                    }
                });
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> {
                    if (source == DatasetSource.BUNDLED_DIGITS) {
                        unusable(Availability.UNREADABLE, e.getMessage());
                    }
                });
            }
        });
    }

    // Commands

    /** The user chose a source (and, for IDX folders, a folder). */
    void select(DatasetSource newSource, String newFolder) {
        String normalizedFolder = newFolder == null ? "" : newFolder.strip();
        if (newSource == source && normalizedFolder.equals(folder)) {
            return;
        }
        if (source != newSource) {
            cancelDownload();
        }
        source = newSource;
        folder = normalizedFolder;
        int current = ++choice;
        split.set(null);
        detail.set("");
        DatasetSplit known = loaded.get(key(source, folder));
        if (known != null) {
            ready(known);
            return;
        }
        switch (source) {
            case BUNDLED_DIGITS -> availability.set(Availability.LOADING); // start() finishes it
            case MNIST, FASHION_MNIST -> {
                Path cached = access.cached(source);
                if (cached == null) {
                    download();
                } else {
                    load(current, cached, DatasetCatalog.forSource(source).displayName());
                }
            }
            case IDX_FOLDER -> {
                if (folder.isEmpty()) {
                    availability.set(Availability.NONE);
                } else {
                    load(current, Path.of(folder), Path.of(folder).getFileName() == null ? folder
                            : Path.of(folder).getFileName().toString());
                }
            }
        }
    }

    /** Downloads the chosen MNIST or Fashion-MNIST; again after a failure or a cancel. */
    public void download() {
        if (source != DatasetSource.MNIST && source != DatasetSource.FASHION_MNIST) {
            return;
        }
        DatasetSource downloading = source;
        int current = choice;
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel = cancelled;
        availability.set(Availability.DOWNLOADING);
        downloadProgress.set(0);
        detail.set("");
        // the downloader reports every 64 KB: pass on only the latest figure, at most one FX task pending
        AtomicReference<Double> latest = new AtomicReference<>();
        background.execute(() -> {
            try {
                Path folderPath = access.download(downloading, fraction -> {
                    if (latest.getAndSet(fraction) == null) {
                        fx.execute(() -> {
                            Double value = latest.getAndSet(null);
                            if (current == choice && value != null) {
                                downloadProgress.set(value);
                            }
                        });
                    }
                }, cancelled::get);
                DatasetSplit data = access.load(folderPath, DatasetCatalog.forSource(downloading).displayName());
                fx.execute(() -> {
                    loaded.put(key(downloading, null), data);
                    if (current == choice) {
                        downloadProgress.set(1);
                        ready(data);
                    }
                });
            } catch (DatasetDownloader.CancelledException e) {
                fx.execute(() -> {
                    if (current == choice) {
                        unusable(Availability.NOT_DOWNLOADED, "");
                    }
                });
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> {
                    if (current == choice) {
                        unusable(Availability.NOT_DOWNLOADED, e.getMessage());
                    }
                });
            }
        });
    }

    public void cancelDownload() {
        cancel.set(true);
    }

    /** Recomputes the mean/std for the chosen normalization over the first {@code trainSize} images. */
    void updateStats(NormalizationKind kind, int trainSize) {
        List<Object> asked = Arrays.asList(kind, trainSize, split.get());
        if (asked.equals(statsFor)) {
            return;
        }
        statsFor = asked;
        int request = ++statsRequest;
        if (kind == null) {
            stats.set(null);
            return;
        }
        switch (kind) {
            case NONE -> stats.set(NormalizationStats.IDENTITY);
            case FIXED_MNIST -> stats.set(NormalizationStats.FIXED_MNIST);
            case TRAINING_SPLIT -> {
                DatasetSplit data = split.get();
                stats.set(null);
                if (data == null || trainSize <= 0) {
                    return;
                }
                background.execute(() -> {
                    if (request != statsRequest) {
                        return; // a newer request is queued behind this one
                    }
                    try {
                        NormalizationStats computed = NormalizationStats.of(data.train().prefix(trainSize));
                        fx.execute(() -> {
                            if (request == statsRequest) {
                                stats.set(computed);
                            }
                        });
                    } catch (RuntimeException e) {
                        fx.execute(() -> {
                            if (request == statsRequest) {
                                stats.set(null);
                            }
                        });
                    }
                });
            }
        }
    }

    /** Why Start must wait for the dataset, or null when it need not. */
    FieldProblem problem() {
        return switch (availability.get()) {
            case READY, NONE -> null;
            case LOADING -> FieldProblem.of("data.source", "problem.dataset.loading");
            case DOWNLOADING -> FieldProblem.of("data.source", "problem.dataset.downloading");
            case NOT_DOWNLOADED -> FieldProblem.of("data.source", "problem.dataset.notDownloaded");
            case UNREADABLE -> FieldProblem.of(source == DatasetSource.IDX_FOLDER ? "data.folder" : "data.source",
                    "problem.dataset.unreadable", detail.get());
        };
    }

    private void load(int current, Path path, String name) {
        availability.set(Availability.LOADING);
        DatasetSource loading = source;
        String loadingFolder = folder;
        background.execute(() -> {
            try {
                DatasetSplit data = access.load(path, name);
                fx.execute(() -> {
                    loaded.put(key(loading, loadingFolder), data);
                    if (current == choice) {
                        ready(data);
                    }
                });
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> {
                    if (current == choice) {
                        unusable(Availability.UNREADABLE, e.getMessage());
                    }
                });
            }
        });
    }

    private void ready(DatasetSplit data) {
        detail.set("");
        split.set(data);
        availability.set(Availability.READY);
    }

    private void unusable(Availability why, String message) {
        split.set(null);
        detail.set(message == null ? "" : message);
        availability.set(why);
    }

    private static String key(DatasetSource source, String folder) {
        return source == DatasetSource.IDX_FOLDER ? "folder:" + folder : source.name();
    }
}
