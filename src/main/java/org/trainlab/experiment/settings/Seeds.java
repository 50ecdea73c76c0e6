package org.trainlab.experiment.settings;

/**
 * The one place a run's seed becomes the seeds of its random streams (batch order, augmentation,
 * dropout masks), with SplitMix64's constants, so nearby seeds and keys give unrelated streams.
 * Each stream keeps its own way of combining its inputs: changing one would change every run's numbers.
 */
public final class Seeds {

    /** 2^64 / golden ratio, SplitMix64's increment. */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long M1 = 0xBF58476D1CE4E5B9L;
    private static final long M2 = 0x94D049BB133111EBL;

    private Seeds() {
    }

    /** SplitMix64's finalizer: every input bit affects every output bit. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * M1;
        z = (z ^ (z >>> 27)) * M2;
        return z ^ (z >>> 31);
    }

    /** One stream per salt (an epoch's batch order): the salt-th SplitMix64 output after the seed. */
    public static long salted(long seed, long salt) {
        return mix64(seed + salt * GOLDEN);
    }

    /** Both inputs mixed fully (the augmentation of one batch). */
    public static long keyed(long seed, long key) {
        return mix64(seed ^ mix64(key + GOLDEN));
    }

    /**
     * A cheap linear combination for a stream per layer and step (dropout masks); {@code SplittableRandom}
     * mixes its seed itself.
     */
    public static long combined(long seed, long iteration, long salt) {
        return seed * GOLDEN + iteration * M1 + salt * M2;
    }
}
