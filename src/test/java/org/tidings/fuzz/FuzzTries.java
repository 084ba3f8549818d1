package org.tidings.fuzz;

import java.util.SplittableRandom;

/**
 * How many cases a fuzz test runs and from which seed: {@code -Dtidings.fuzz.tries=N} for the long
 * run (without it each test's own bounded number, the run in the normal test suite), and {@code
 * -Dtidings.fuzz.seed=S} to replay a whole run. The seed of every run is in the failure message.
 */
final class FuzzTries {
    static final String TRIES = "tidings.fuzz.tries";
    static final String SEED = "tidings.fuzz.seed";

    private FuzzTries() {}

    static int tries(int bounded) {
        String tries = System.getProperty(TRIES, "").strip();
        return tries.isEmpty() ? bounded : Integer.parseInt(tries);
    }

    static long seed() {
        String seed = System.getProperty(SEED, "").strip();
        return seed.isEmpty() ? System.nanoTime() : Long.parseLong(seed);
    }

    static SplittableRandom random(long seed) {
        return new SplittableRandom(seed);
    }
}
