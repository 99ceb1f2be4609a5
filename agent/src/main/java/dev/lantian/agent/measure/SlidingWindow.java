package dev.lantian.agent.measure;

/**
 * Average, minimum and maximum of the values in (t − span, t], updated per value in amortised
 * constant time: a ring of (time, value), monotonic deques of sequence numbers for min and max, and a
 * compensated (Neumaier) running sum so that adding and removing a day of values does not drift.
 * Old values leave by time, not count, so a gap empties the window. Times must not go backwards;
 * a backward time is treated as the latest time seen.
 */
final class SlidingWindow {
    private final long span;
    private long[] times = new long[16];
    private double[] values = new double[16];
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
        if (tail - head == times.length) {
            grow();
        }
        long seq = tail++;
        int i = (int) (seq & mask);
        times[i] = t;
        values[i] = value;
        accumulate(value);
        while (maxTail > maxHead && values[(int) (maxQ[(int) ((maxTail - 1) & mask)] & mask)] <= value) {
            maxTail--;
        }
        maxQ[(int) (maxTail++ & mask)] = seq;
        while (minTail > minHead && values[(int) (minQ[(int) ((minTail - 1) & mask)] & mask)] >= value) {
            minTail--;
        }
        minQ[(int) (minTail++ & mask)] = seq;
    }

    /** Drops the values at or before {@code now − span}. */
    void expire(long now) {
        long cutoff = now - span;
        while (head < tail && times[(int) (head & mask)] <= cutoff) {
            accumulate(-values[(int) (head & mask)]);
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
        return head == tail ? Double.NaN : values[(int) (minQ[(int) (minHead & mask)] & mask)];
    }

    double max() {
        return head == tail ? Double.NaN : values[(int) (maxQ[(int) (maxHead & mask)] & mask)];
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
        int capacity = times.length * 2;
        int newMask = capacity - 1;
        long[] nt = new long[capacity];
        double[] nv = new double[capacity];
        for (long s = head; s < tail; s++) {
            nt[(int) (s & newMask)] = times[(int) (s & mask)];
            nv[(int) (s & newMask)] = values[(int) (s & mask)];
        }
        long[] nmin = new long[capacity];
        for (long s = minHead; s < minTail; s++) {
            nmin[(int) (s & newMask)] = minQ[(int) (s & mask)];
        }
        long[] nmax = new long[capacity];
        for (long s = maxHead; s < maxTail; s++) {
            nmax[(int) (s & newMask)] = maxQ[(int) (s & mask)];
        }
        times = nt;
        values = nv;
        minQ = nmin;
        maxQ = nmax;
        mask = newMask;
    }
}
