package dev.cdrgateway.simulator;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** Small random helpers shared by the generators; all draws come from a caller-owned seeded stream. */
final class RandomDraws {

    private RandomDraws() {
    }

    static <T> T pick(List<T> values, SplittableRandom rng) {
        return values.get(rng.nextInt(values.size()));
    }

    /** Inclusive range. */
    static int between(SplittableRandom rng, int min, int max) {
        return min + rng.nextInt(max - min + 1);
    }

    /** A version-4 UUID drawn from the seeded stream, so it is random-looking yet repeatable. */
    static String uuid(SplittableRandom rng) {
        long msb = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** Poisson-distributed count with the given mean (normal approximation for large means). */
    static int poisson(SplittableRandom rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = rng.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= rng.nextDouble();
        }
        return count;
    }
}
