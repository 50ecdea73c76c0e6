package org.trainlab.session;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.io.WeightsFile;

/**
 * The runs' trained weights next to a session file: {@code <name>-weights/<run id>.weights} beside
 * {@code <name>.json} (the autosave's are {@code autosave/session-weights/}). One compact binary file per
 * run ({@link WeightsFile}), written atomically and only when the run's weights changed since this
 * program last wrote that file; files of runs no longer in the session are deleted. Reading tolerates a
 * missing or damaged file: that run simply has no weights (logged), the session opens all the same.
 */
final class SessionWeights {

    private static final Logger log = LoggerFactory.getLogger(SessionWeights.class);
    /** Run ids that are safe as file names; others (hand-edited files) keep no weights. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /**
     * What this program last wrote to (or read from) each weights file, and the file's time and size then,
     * so an unchanged run is not written again while a file changed by someone else is.
     */
    private static final Map<Path, Written> WRITTEN = new ConcurrentHashMap<>();

    private record Written(TrainedWeights weights, FileTime modified, long size) {

        static Written of(TrainedWeights weights, Path file) throws IOException {
            return new Written(weights, Files.getLastModifiedTime(file), Files.size(file));
        }

        boolean stillIn(TrainedWeights now, Path file) throws IOException {
            return weights == now && Files.isRegularFile(file) && Files.getLastModifiedTime(file).equals(modified)
                    && Files.size(file) == size;
        }
    }

    private SessionWeights() {
    }

    /** The weights folder of a session file. */
    static Path folder(Path sessionFile) {
        Path file = sessionFile.toAbsolutePath();
        String name = file.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return file.resolveSibling(base + "-weights");
    }

    static void write(Path sessionFile, Session session) throws IOException {
        Path folder = folder(sessionFile);
        Set<String> keep = new HashSet<>();
        for (SessionRun run : session.runs()) {
            if (run.trainedWeights() == null || !SAFE_ID.matcher(run.id()).matches()) {
                continue;
            }
            Path target = folder.resolve(run.id() + WeightsFile.EXTENSION);
            keep.add(target.getFileName().toString());
            Written last = WRITTEN.get(target);
            if (last != null && last.stillIn(run.trainedWeights(), target)) {
                continue;
            }
            WeightsFile.write(target, run.trainedWeights());
            WRITTEN.put(target, Written.of(run.trainedWeights(), target));
        }
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + WeightsFile.EXTENSION)) {
            for (Path p : files) {
                if (!keep.contains(p.getFileName().toString())) {
                    stale.add(p);
                }
            }
        }
        for (Path p : stale) {
            Files.deleteIfExists(p);
            WRITTEN.remove(p);
        }
    }

    /** The session with each run's weights from its file, where there is a readable one that fits the run. */
    static Session read(Path sessionFile, Session session) {
        Path folder = folder(sessionFile);
        if (!Files.isDirectory(folder)) {
            return session;
        }
        Session result = session;
        for (SessionRun run : session.runs()) {
            if (!SAFE_ID.matcher(run.id()).matches()) {
                continue;
            }
            Path file = folder.resolve(run.id() + WeightsFile.EXTENSION);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                TrainedWeights weights = WeightsFile.read(file);
                if (!weights.model().equals(run.settings().model())) {
                    log.warn("{} was trained with {}, not the run's {}: ignored", file, weights.model(), run.settings().model());
                    continue;
                }
                WRITTEN.put(file.toAbsolutePath(), Written.of(weights, file));
                result = result.updateRun(run.id(), r -> r.withTrainedWeights(weights));
            } catch (IOException | RuntimeException e) {
                log.warn("weights of run {} not restored: {}", run.id(), e.getMessage());
            }
        }
        return result;
    }

    /** Deletes the weights folder of a session file (its files and the folder, if then empty). */
    static void discard(Path sessionFile) throws IOException {
        Path folder = folder(sessionFile);
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*" + WeightsFile.EXTENSION)) {
            entries.forEach(files::add);
        }
        for (Path p : files) {
            Files.deleteIfExists(p);
            WRITTEN.remove(p);
        }
        try (DirectoryStream<Path> rest = Files.newDirectoryStream(folder)) {
            if (!rest.iterator().hasNext()) {
                Files.deleteIfExists(folder);
            }
        }
    }
}
