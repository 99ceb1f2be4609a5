package dev.lantian.simulator.bench;

import java.util.Arrays;

/** Latencies in microseconds, collected from several threads; percentiles by nearest rank. */
public final class Latencies {
    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    public synchronized int count() {
        return size;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100), or -1 when nothing was recorded. */
    public synchronized long percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must lie in (0, 100]: " + p);
        }
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, rank - 1)];
    }
}
