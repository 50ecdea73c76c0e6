package org.trainlab.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.io.IOException;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/** Versions that travel with every run's record. */
public final class Versions {

    public static final String TRAINLAB = versionOf(Versions.class, "0.1.0-SNAPSHOT");

    private Versions() {
    }

    public static Map<String, String> libraries() {
        Map<String, String> libs = new LinkedHashMap<>();
        libs.put("nd4j", versionOf(Nd4j.class, "1.0.0-M2.1"));
        libs.put("javacpp", javacppVersion());
        libs.put("java", Runtime.version().toString());
        return libs;
    }

    private static String javacppVersion() {
        try {
            return Loader.getVersion();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String versionOf(Class<?> type, String fallback) {
        String v = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return v != null ? v : fallback;
    }
}
