package org.trainlab.experiment.compare;

import java.util.List;

/**
 * The seeds of a group: seed 1 is the group's base seed itself (a one-seed group is the run it always
 * was), seed k the base seed mixed with k. The same base seed gives the same member seeds, so seed k of a
 * "change one thing" child group, which keeps its parent's base seed, starts from the same initial
 * weights and batch order as seed k of its parent.
 */
public final class SeedPlan {

    /** The group sizes the window offers. */
    public static final List<Integer> CHOICES = List.of(1, 3, 5, 10);
    /** The most seeds a group (or a preset) may ask for. */
    public static final int MAX_SEEDS = 20;
    /** Member seeds stay below this, so they read as ordinary numbers in lists and files. */
    private static final long RANGE = 1_000_000_000L;

    private SeedPlan() {
    }

    /** The seed of member {@code k} (0-based) of a group with this base seed. */
    public static long memberSeed(long baseSeed, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("member index " + k + " is negative");
        }
        if (k == 0) {
            return baseSeed;
        }
        // SplitMix64's finalizer: neighbouring base seeds and indices give unrelated seeds
        long z = baseSeed + k * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return Math.floorMod(z, RANGE);
    }

    /** Null when the count is allowed, else why not. */
    public static String problem(int seeds) {
        return seeds >= 1 && seeds <= MAX_SEEDS ? null : "must be 1 to " + MAX_SEEDS + ", got " + seeds;
    }
}
