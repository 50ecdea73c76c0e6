package org.trainlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainlab.data.AppDirs;

/**
 * Where the command line's log goes: a file, so the terminal shows one clear line per problem and the
 * stack traces (for a bug report) stay in {@code <cache folder>/logs/trainlab-cli.log}, whose path the
 * error line names. Must be set up before the first logger is made: {@code Main} does it first thing.
 */
public final class CliLog {

    /** slf4j-simple's setting for its output; read once, when the first logger is made. */
    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

    private static volatile Path file;

    private CliLog() {
    }

    /** Sends the log to the file, unless a log target was set on the command line; returns the file, or null. */
    public static Path init() {
        if (System.getProperty(LOG_FILE_PROPERTY) != null) {
            return null;
        }
        try {
            Path log = Files.createDirectories(AppDirs.cacheDir().resolve("logs")).resolve("trainlab-cli.log");
            System.setProperty(LOG_FILE_PROPERTY, log.toString());
            file = log;
            return log;
        } catch (IOException | RuntimeException e) {
            return null; // the log stays on the terminal
        }
    }

    /** " (details: FILE)" when the log goes to a file, else "". */
    static String details() {
        Path log = file;
        return log == null ? "" : " (details: " + log + ")";
    }
}
