package org.trainlab.experiment.record;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where and with what a run was made, so a figure can be traced and reproduced.
 *
 * @param seed            the run's seed (also in the settings; repeated so a record reads on its own)
 * @param trainlabVersion this program's version
 * @param javaVersion     {@code java.version}
 * @param os              {@code os.name} and {@code os.version}
 * @param arch            {@code os.arch}
 * @param nd4jBackend     the ND4J backend that computed the run, e.g. "CPU (nd4j-native, onednn-avx2)"
 * @param libraries       library name to version, sorted by name
 * @param startedAt       ISO-8601 instant the run started
 */
public record Provenance(
        long seed,
        String trainlabVersion,
        String javaVersion,
        String os,
        String arch,
        String nd4jBackend,
        Map<String, String> libraries,
        String startedAt) {

    public Provenance {
        // sorted, so the JSON of two runs diffs cleanly
        libraries = libraries == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(libraries));
    }

    /** This machine's Java and OS, started now. */
    public static Provenance ofThisMachine(long seed, String trainlabVersion, String nd4jBackend,
                                           Map<String, String> libraries) {
        return new Provenance(seed, trainlabVersion,
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"),
                nd4jBackend, libraries, Instant.now().toString());
    }
}
