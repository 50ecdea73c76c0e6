package org.trainlab.data;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.trainlab.experiment.settings.DatasetSource;

/**
 * The downloadable datasets: their files, where they are mirrored and what they must hash to.
 *
 * <p>Provenance of the digests: the Fashion-MNIST ones were checked byte for byte (labels against the
 * upstream repository's files; images against Debian's dataset-fashion-mnist, whose files carry the
 * same deflate stream under a rewritten gzip header). The MNIST digests are the values published by
 * several independent dataset libraries, not checked against the files themselves; the sizes agree
 * with public copies of the files. A wrong digest shows as a checksum mismatch naming both values.
 */
public final class DatasetCatalog {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * One file of a dataset.
     *
     * @param name   the file name, both on the mirror and in the cache folder
     * @param size   the expected byte size, or -1 when unknown (used for progress only; the checksum decides)
     * @param sha256 lower-case hex SHA-256 of the file as served
     */
    public record RemoteFile(String name, long size, String sha256) {
        public RemoteFile {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new IllegalArgumentException("RemoteFile.name must be a plain file name, was '" + name + "'");
            }
            if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
                throw new IllegalArgumentException(name + ": sha256 must be 64 lower-case hex digits, was " + sha256);
            }
        }
    }

    /**
     * A downloadable dataset.
     *
     * @param id          folder name under the cache's datasets folder
     * @param displayName shown to the user and used in the datasets' names
     * @param mirrors     base URLs (ending in '/') tried in order; a file's URL is base + file name
     * @param files       train images, train labels, test images, test labels, under the standard names
     */
    public record Entry(String id, String displayName, List<URI> mirrors, List<RemoteFile> files) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(displayName, "displayName");
            mirrors = List.copyOf(mirrors);
            files = List.copyOf(files);
            for (URI mirror : mirrors) {
                if (!mirror.toString().endsWith("/")) {
                    throw new IllegalArgumentException(id + ": mirror base URL must end in '/', was " + mirror);
                }
            }
        }

        public long totalSize() {
            long total = 0;
            for (RemoteFile file : files) {
                if (file.size() < 0) {
                    return -1;
                }
                total += file.size();
            }
            return total;
        }
    }

    /** Full MNIST, 60,000 / 10,000. The original host no longer serves the files reliably, so these are mirrors. */
    public static final Entry MNIST = new Entry("mnist", "MNIST",
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
            List.of(new RemoteFile(IdxFolder.TRAIN_IMAGES + ".gz", 9_912_422,
                            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
                    new RemoteFile(IdxFolder.TRAIN_LABELS + ".gz", 28_881,
                            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
                    new RemoteFile(IdxFolder.TEST_IMAGES + ".gz", 1_648_877,
                            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
                    new RemoteFile(IdxFolder.TEST_LABELS + ".gz", 4_542,
                            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaef7d0ac2a5d42fd9")));

    /** Fashion-MNIST (Zalando Research, MIT licence), 60,000 / 10,000, same format as MNIST. */
    public static final Entry FASHION_MNIST = new Entry("fashion-mnist", "Fashion-MNIST",
            List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
            List.of(new RemoteFile(IdxFolder.TRAIN_IMAGES + ".gz", 26_421_880,
                            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
                    new RemoteFile(IdxFolder.TRAIN_LABELS + ".gz", 29_515,
                            "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
                    new RemoteFile(IdxFolder.TEST_IMAGES + ".gz", 4_422_102,
                            "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
                    new RemoteFile(IdxFolder.TEST_LABELS + ".gz", 5_148,
                            "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5")));

    private DatasetCatalog() {
    }

    /** The entry behind a downloadable source. */
    public static Entry forSource(DatasetSource source) {
        return switch (source) {
            case MNIST -> MNIST;
            case FASHION_MNIST -> FASHION_MNIST;
            case BUNDLED_DIGITS, IDX_FOLDER -> throw new IllegalArgumentException(
                    source + " is not downloaded, so it has no catalog entry");
        };
    }
}
