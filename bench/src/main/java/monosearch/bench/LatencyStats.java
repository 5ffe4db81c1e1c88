package monosearch.bench;

import java.util.Arrays;

/**
 * Latency percentiles of a set of timed operations, in milliseconds. Nearest-rank percentiles: p99 of 1,000
 * samples is the 990th smallest, a value that was really observed, never an interpolation between two.
 *
 * @param count samples
 * @param p50   median
 * @param p99   99th percentile
 * @param p999  99.9th percentile; with fewer than 1,000 samples this is the maximum
 * @param mean  arithmetic mean
 * @param max   largest sample
 */
public record LatencyStats(int count, double p50, double p99, double p999, double mean, double max) {
    public static final LatencyStats EMPTY = new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** From durations in nanoseconds; the array is not changed. */
    public static LatencyStats ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return EMPTY;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new LatencyStats(sorted.length, ms(rank(sorted, 0.50)), ms(rank(sorted, 0.99)), ms(rank(sorted, 0.999)),
                sum / sorted.length / 1e6, ms(sorted[sorted.length - 1]));
    }

    /** Nearest rank: the smallest value with at least {@code p} of the samples at or below it. */
    static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
