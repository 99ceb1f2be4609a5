package dev.lantian.agent.measure;

import java.time.Instant;

/** Epoch-nanosecond arithmetic for the hot path (fits instants from 1677 to 2262). */
final class Times {
    static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final long NANOS_PER_MINUTE = 60L * NANOS_PER_SECOND;

    private Times() {
    }

    static long toNanos(Instant t) {
        return t.getEpochSecond() * NANOS_PER_SECOND + t.getNano();
    }

    static long toNanosSaturated(Instant t) {
        if (t.getEpochSecond() <= Long.MIN_VALUE / NANOS_PER_SECOND + 1) {
            return Long.MIN_VALUE;
        }
        if (t.getEpochSecond() >= Long.MAX_VALUE / NANOS_PER_SECOND - 1) {
            return Long.MAX_VALUE;
        }
        return toNanos(t);
    }

    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }
}
