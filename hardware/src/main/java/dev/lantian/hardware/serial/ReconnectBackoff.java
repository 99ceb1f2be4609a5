package dev.lantian.hardware.serial;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a lost link tries to reopen: the first retry after {@code initial}, each failure doubling
 * the wait up to {@code max}. Doubling keeps a board with an unplugged adapter from spinning on
 * {@code open()} while still noticing a replug within {@code max}.
 */
public record ReconnectBackoff(Duration initial, Duration max) {
    public ReconnectBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + ", " + max);
        }
    }

    /** 0.5 s doubling to 10 s: a USB adapter re-enumerates within a second or two of replugging. */
    public static ReconnectBackoff standard() {
        return new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    /** The wait after {@code current} failed again. */
    public Duration after(Duration current) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
