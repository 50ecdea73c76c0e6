package org.trainlab.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where TrainLab keeps per-user files, following each OS's convention: the cache (downloads that
 * can be fetched again) and the data folder (the user's own runs and settings). The system
 * properties {@code trainlab.cache.dir} and {@code trainlab.data.dir} override both, which is how
 * tests and portable installs keep away from the real home folder.
 */
public final class AppDirs {

    public static final String CACHE_PROPERTY = "trainlab.cache.dir";
    public static final String DATA_PROPERTY = "trainlab.data.dir";

    private AppDirs() {
    }

    public static Path cacheDir() {
        String override = System.getProperty(CACHE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return cacheDir(System.getProperty("os.name"), System.getenv(), System.getProperty("user.home"));
    }

    public static Path dataDir() {
        String override = System.getProperty(DATA_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return dataDir(System.getProperty("os.name"), System.getenv(), System.getProperty("user.home"));
    }

    /** The folder for downloaded datasets of one catalog entry. */
    public static Path datasetCache(DatasetCatalog.Entry entry) {
        return cacheDir().resolve("datasets").resolve(entry.id());
    }

    static Path cacheDir(String osName, Map<String, String> env, String home) {
        return switch (os(osName)) {
            case WINDOWS -> windowsBase(env, "LOCALAPPDATA", home, "Local").resolve("TrainLab").resolve("cache");
            case MAC -> Path.of(home, "Library", "Caches", "TrainLab");
            case OTHER -> xdg(env, "XDG_CACHE_HOME", home, ".cache").resolve("trainlab");
        };
    }

    static Path dataDir(String osName, Map<String, String> env, String home) {
        return switch (os(osName)) {
            case WINDOWS -> windowsBase(env, "APPDATA", home, "Roaming").resolve("TrainLab");
            case MAC -> Path.of(home, "Library", "Application Support", "TrainLab");
            case OTHER -> xdg(env, "XDG_DATA_HOME", home, ".local/share").resolve("trainlab");
        };
    }

    private enum Os { WINDOWS, MAC, OTHER }

    private static Os os(String osName) {
        String name = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return Os.WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return Os.MAC;
        }
        return Os.OTHER;
    }

    /** The XDG spec says a relative value is invalid and must be ignored. */
    private static Path xdg(Map<String, String> env, String variable, String home, String fallback) {
        String value = env.get(variable);
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return Path.of(home).resolve(fallback);
    }

    /** Falls back to the default location under the profile, home\AppData\(Local|Roaming). */
    private static Path windowsBase(Map<String, String> env, String variable, String home, String appData) {
        String value = env.get(variable);
        return value != null && !value.isBlank() ? Path.of(value) : Path.of(home, "AppData", appData);
    }
}
