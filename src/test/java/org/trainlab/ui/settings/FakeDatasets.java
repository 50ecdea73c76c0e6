package org.trainlab.ui.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.DoubleConsumer;

import org.trainlab.data.CancelToken;
import org.trainlab.data.Dataset;
import org.trainlab.data.DatasetSplit;
import org.trainlab.experiment.settings.DatasetSource;

/** Small random digits in memory; downloads succeed or fail as told. */
public final class FakeDatasets implements DatasetAccess {

    public static final DatasetSplit SPLIT = split(40, 10);

    public IOException downloadFails;
    public int downloads;

    static DatasetSplit split(int train, int test) {
        Random random = new Random(7);
        return new DatasetSplit(dataset("train", train, random), dataset("test", test, random));
    }

    private static Dataset dataset(String name, int n, Random random) {
        byte[] pixels = new byte[n * 28 * 28];
        random.nextBytes(pixels);
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
        }
        return new Dataset(name, 28, 28, pixels, labels, 10);
    }

    @Override
    public DatasetSplit bundled() {
        return SPLIT;
    }

    @Override
    public Path cached(DatasetSource source) {
        return null;
    }

    @Override
    public Path download(DatasetSource source, DoubleConsumer progress, CancelToken cancel) throws IOException {
        downloads++;
        progress.accept(0.5);
        if (downloadFails != null) {
            throw downloadFails;
        }
        return Path.of("downloaded");
    }

    @Override
    public DatasetSplit load(Path folder, String name) throws IOException {
        if (folder.toString().equals("downloaded")) {
            return SPLIT;
        }
        throw new IOException("IDX folder " + folder + " does not exist or is not a folder");
    }

    /** A view model whose background work runs at once, on the calling thread. */
    public static SettingsViewModel viewModel(FakeDatasets datasets) {
        return new SettingsViewModel(datasets, Runnable::run, Runnable::run);
    }
}
