package dev.lantian.hardware.sensor.uart;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time after a wake-up (power-on, wake command, replug) when an optical PM sensor's fan and laser
 * have not settled: its values are not measurements yet. Measured on the injected clock.
 *
 * <p>Warm-up readings are flagged {@code F} ("instrument stopped"), not {@code M} ("maintenance").
 * HJ 212 has no warm-up letter; {@code M} tells the bureau a technician was working on the
 * instrument, which auditors cross-check against the site's maintenance log, whereas a sensor coming
 * out of sleep, power-on or a replug is still finishing its stopped state and nobody touched it.
 * Either way the measurement stage keeps only {@code N} values, so the choice changes the report, not
 * the statistics. Sleep (duty cycle) uses the same {@code F}.
 */
public final class Warmup {
    private final Duration length;
    private Instant until;

    /** Starts warming up at {@code now}: the agent cannot know how long the sensor has been powered. */
    public Warmup(Duration length, Instant now) {
        this.length = Objects.requireNonNull(length, "length");
        if (length.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative: " + length);
        }
        restart(now);
    }

    public void restart(Instant now) {
        until = now.plus(length);
    }

    public boolean isWarmingUp(Instant now) {
        return now.isBefore(until);
    }

    public Instant until() {
        return until;
    }

    public Duration length() {
        return length;
    }
}
