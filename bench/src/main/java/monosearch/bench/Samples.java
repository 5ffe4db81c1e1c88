package monosearch.bench;

import java.util.Arrays;

/** A growable array of durations in nanoseconds, one per thread: no boxing and no locking while measuring. */
final class Samples {
    private long[] values = new long[16];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** All samples of several threads together. */
    static long[] merge(Iterable<Samples> parts) {
        int total = 0;
        for (Samples s : parts) {
            total += s.size;
        }
        long[] out = new long[total];
        int at = 0;
        for (Samples s : parts) {
            System.arraycopy(s.values, 0, out, at, s.size);
            at += s.size;
        }
        return out;
    }
}
