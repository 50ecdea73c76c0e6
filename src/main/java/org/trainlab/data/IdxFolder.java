package org.trainlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A folder holding the four IDX files under their standard MNIST names, raw or gzip-compressed. */
public final class IdxFolder {

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    private IdxFolder() {
    }

    public static DatasetSplit load(Path folder) throws IOException {
        return load(folder, folder.getFileName() == null ? folder.toString() : folder.getFileName().toString());
    }

    /** @param name shown in the datasets' names, e.g. "MNIST" gives "MNIST train" and "MNIST test" */
    public static DatasetSplit load(Path folder, String name) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("IDX folder " + folder + " does not exist or is not a folder");
        }
        List<String> missing = new ArrayList<>();
        Path trainImages = find(folder, TRAIN_IMAGES, missing);
        Path trainLabels = find(folder, TRAIN_LABELS, missing);
        Path testImages = find(folder, TEST_IMAGES, missing);
        Path testLabels = find(folder, TEST_LABELS, missing);
        if (!missing.isEmpty()) {
            throw new IOException("IDX folder " + folder + " is missing " + String.join(", ", missing));
        }
        Dataset train = Dataset.fromIdx(trainImages, trainLabels, name + " train");
        Dataset test = Dataset.fromIdx(testImages, testLabels, name + " test");
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IdxFormatException(trainImages.getFileName() + " holds " + train.rows() + "x"
                    + train.cols() + " images but " + testImages.getFileName() + " holds " + test.rows()
                    + "x" + test.cols());
        }
        return new DatasetSplit(train, test);
    }

    /** The raw file if present, else the .gz one, else null with the name noted as missing. */
    private static Path find(Path folder, String base, List<String> missing) {
        for (String candidate : new String[] {base, base + ".gz"}) {
            Path file = folder.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        missing.add(base + "[.gz]");
        return null;
    }
}
