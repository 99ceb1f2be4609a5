package dev.lantian.agent.uplink;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Delay before the next reconnect attempt: exponential with full jitter (a uniform draw in
 * [0, min(cap, base·2^attempt)]), so a fleet of boards that lost the same broker does not come back
 * in lock step. {@link #reset()} after a connection held; the random source is injected so tests
 * see the same delays every run.
 */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, was " + base + ", " + cap);
        }
        this.base = base;
        this.cap = cap;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The delay before the next attempt; each call counts one more failed attempt. */
    public synchronized Duration next() {
        long ceiling = ceilingMillis(attempt);
        if (attempt < 62) {
            attempt++;
        }
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** The upper bound of the delay {@link #next()} would draw now. */
    public synchronized Duration ceiling() {
        return Duration.ofMillis(ceilingMillis(attempt));
    }

    /** A connection came up: the next failure starts again from {@code base}. */
    public synchronized void reset() {
        attempt = 0;
    }

    private long ceilingMillis(int n) {
        long b = base.toMillis();
        long c = cap.toMillis();
        if (n >= 62 || b > (c >> Math.min(n, 62))) {
            return c;
        }
        return Math.min(c, b << n);
    }
}
