package dev.lantian.hardware.sensor.pms;

import java.time.Duration;
import java.util.Objects;

/**
 * How a Plantower PMS5003/PMS7003 is run.
 *
 * @param mode         ACTIVE: the sensor sends a frame every 0.2-2.3 s by itself; PASSIVE: one frame
 *                     per read command, so the fan-driven stream does not pile up between polls
 * @param warmup       readings after power-on, wake or replug that are flagged {@code F} (the manual:
 *                     "stable data should be got at least 30 seconds after the sensor wakeup")
 * @param frameTimeout how long one read waits for a valid frame before reporting silence ({@code B})
 * @param rangeLimit   mass concentrations above this are flagged {@code T}: the manual's effective
 *                     range is 0-500 ug/m3 (its "maximum range" of at least 1000 only says the output
 *                     does not saturate there, not that it is still accurate)
 */
public record PmsSettings(Mode mode, Duration warmup, Duration frameTimeout, double rangeLimit) {

    /** Reporting mode. */
    public enum Mode { ACTIVE, PASSIVE }

    public static final double EFFECTIVE_RANGE = 500;

    public PmsSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(frameTimeout, "frameTimeout");
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative: " + warmup);
        }
        if (frameTimeout.isNegative() || frameTimeout.isZero()) {
            throw new IllegalArgumentException("frame timeout must be positive: " + frameTimeout);
        }
        if (!(rangeLimit > 0)) {
            throw new IllegalArgumentException("range limit must be positive: " + rangeLimit);
        }
    }

    /** Active mode, 30 s warm-up, 5 s frame timeout (twice the slowest 2.3 s interval), 500 ug/m3 range. */
    public static PmsSettings defaults() {
        return new PmsSettings(Mode.ACTIVE, Duration.ofSeconds(30), Duration.ofSeconds(5), EFFECTIVE_RANGE);
    }

    public PmsSettings withMode(Mode m) {
        return new PmsSettings(m, warmup, frameTimeout, rangeLimit);
    }

    public PmsSettings withWarmup(Duration w) {
        return new PmsSettings(mode, w, frameTimeout, rangeLimit);
    }

    public PmsSettings withFrameTimeout(Duration t) {
        return new PmsSettings(mode, warmup, t, rangeLimit);
    }

    public PmsSettings withRangeLimit(double limit) {
        return new PmsSettings(mode, warmup, frameTimeout, limit);
    }
}
