package org.trainlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainlab.TemporaryProperty;

class AppDirsTest {

    private final TemporaryProperty cache = TemporaryProperty.keep(AppDirs.CACHE_PROPERTY);
    private final TemporaryProperty data = TemporaryProperty.keep(AppDirs.DATA_PROPERTY);

    @AfterEach
    void restoreProperties() {
        cache.close();
        data.close();
    }

    @Test
    void linuxFollowsXdgWithHomeFallbacks() {
        Map<String, String> xdg = Map.of("XDG_CACHE_HOME", "/xdg/cache", "XDG_DATA_HOME", "/xdg/data");
        assertEquals(Path.of("/xdg/cache/trainlab"), AppDirs.cacheDir("Linux", xdg, "/home/ada"));
        assertEquals(Path.of("/xdg/data/trainlab"), AppDirs.dataDir("Linux", xdg, "/home/ada"));
        assertEquals(Path.of("/home/ada/.cache/trainlab"), AppDirs.cacheDir("Linux", Map.of(), "/home/ada"));
        assertEquals(Path.of("/home/ada/.local/share/trainlab"), AppDirs.dataDir("Linux", Map.of(), "/home/ada"));
        // The XDG spec says relative values are invalid and must be ignored.
        assertEquals(Path.of("/home/ada/.cache/trainlab"),
                AppDirs.cacheDir("Linux", Map.of("XDG_CACHE_HOME", "relative"), "/home/ada"));
    }

    @Test
    void macUsesLibraryFolders() {
        assertEquals(Path.of("/Users/ada/Library/Caches/TrainLab"), AppDirs.cacheDir("Mac OS X", Map.of(), "/Users/ada"));
        assertEquals(Path.of("/Users/ada/Library/Application Support/TrainLab"),
                AppDirs.dataDir("Mac OS X", Map.of(), "/Users/ada"));
    }

    @Test
    void windowsUsesLocalAndRoamingAppData() {
        Map<String, String> env = Map.of("LOCALAPPDATA", "/profile/local", "APPDATA", "/profile/roaming");
        assertEquals(Path.of("/profile/local", "TrainLab", "cache"), AppDirs.cacheDir("Windows 11", env, "/profile"));
        assertEquals(Path.of("/profile/roaming", "TrainLab"), AppDirs.dataDir("Windows 11", env, "/profile"));
        assertEquals(Path.of("/profile", "AppData", "Local", "TrainLab", "cache"),
                AppDirs.cacheDir("Windows 10", Map.of(), "/profile"));
    }

    @Test
    void systemPropertiesOverrideBoth(@TempDir Path dir) {
        System.setProperty(AppDirs.CACHE_PROPERTY, dir.resolve("c").toString());
        System.setProperty(AppDirs.DATA_PROPERTY, dir.resolve("d").toString());
        assertEquals(dir.resolve("c"), AppDirs.cacheDir());
        assertEquals(dir.resolve("d"), AppDirs.dataDir());
        assertEquals(dir.resolve("c/datasets/fashion-mnist"), AppDirs.datasetCache(DatasetCatalog.FASHION_MNIST));
    }
}
