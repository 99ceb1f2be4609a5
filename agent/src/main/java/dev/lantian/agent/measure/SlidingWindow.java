package dev.lantian.agent.measure;

/**
 * Average, minimum and maximum of the values in (t − span, t], updated per value in amortised
 * constant time: a ring of (time, value), monotonic deques of sequence numbers for min and max, and a
 * compensated (Neumaier) running sum so that adding and removing a day of values does not drift.
 * Old values leave by time, not count, so a gap empties the window. Times must not go backwards;
 * a backward time is treated as the latest time seen. Time and value share one array (value as raw
 * bits) so a 24 h window at 1 s touches one cache line per end instead of two.
 */
final class SlidingWindow {
    private final long span;
    /** Slot i holds the time at 2i and the value's bits at 2i + 1. */
    private long[] entries = new long[32];
    private long[] minQ = new long[16];
    private long[] maxQ = new long[16];
    private int mask = 15;
    private long head;
    private long tail;
    private long minHead;
    private long minTail;
    private long maxHead;
    private long maxTail;
    private double sum;
    private double compensation;
    private long latest = Long.MIN_VALUE;

    SlidingWindow(long spanNanos) {
        if (spanNanos <= 0) {
            throw new IllegalArgumentException("span must be positive");
        }
        this.span = spanNanos;
    }

    long spanNanos() {
        return span;
    }

    void add(long time, double value) {
        long t = Math.max(time, latest);
        latest = t;
        expire(t);
        if (tail - head == minQ.length) {
            grow();
        }
        long seq = tail++;
        int i = (int) (seq & mask);
        entries[2 * i] = t;
        entries[2 * i + 1] = Double.doubleToRawLongBits(value);
        accumulate(value);
        while (maxTail > maxHead && value(maxQ[(int) ((maxTail - 1) & mask)]) <= value) {
            maxTail--;
        }
        maxQ[(int) (maxTail++ & mask)] = seq;
        while (minTail > minHead && value(minQ[(int) ((minTail - 1) & mask)]) >= value) {
            minTail--;
        }
        minQ[(int) (minTail++ & mask)] = seq;
    }

    /** Drops the values at or before {@code now − span}. */
    void expire(long now) {
        long cutoff = now - span;
        while (head < tail && entries[2 * (int) (head & mask)] <= cutoff) {
            accumulate(-value(head));
            if (minQ[(int) (minHead & mask)] == head) {
                minHead++;
            }
            if (maxQ[(int) (maxHead & mask)] == head) {
                maxHead++;
            }
            head++;
        }
        if (head == tail) {
            sum = 0.0;
            compensation = 0.0;
        }
    }

    int count() {
        return (int) (tail - head);
    }

    double average() {
        return head == tail ? Double.NaN : (sum + compensation) / (tail - head);
    }

    double min() {
        return head == tail ? Double.NaN : value(minQ[(int) (minHead & mask)]);
    }

    double max() {
        return head == tail ? Double.NaN : value(maxQ[(int) (maxHead & mask)]);
    }

    private double value(long seq) {
        return Double.longBitsToDouble(entries[2 * (int) (seq & mask) + 1]);
    }

    private void accumulate(double x) {
        double s = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - s) + x;
        } else {
            compensation += (x - s) + sum;
        }
        sum = s;
    }

    private void grow() {
        int capacity = minQ.length * 2;
        int newMask = capacity - 1;
        long[] ne = new long[2 * capacity];
        for (long s = head; s < tail; s++) {
            int from = 2 * (int) (s & mask);
            int to = 2 * (int) (s & newMask);
            ne[to] = entries[from];
            ne[to + 1] = entries[from + 1];
        }
        long[] nmin = new long[capacity];
        for (long s = minHead; s < minTail; s++) {
            nmin[(int) (s & newMask)] = minQ[(int) (s & mask)];
        }
        long[] nmax = new long[capacity];
        for (long s = maxHead; s < maxTail; s++) {
            nmax[(int) (s & newMask)] = maxQ[(int) (s & mask)];
        }
        entries = ne;
        minQ = nmin;
        maxQ = nmax;
        mask = newMask;
    }
}
