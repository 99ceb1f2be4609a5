package dev.lantian.hardware.sensor.sds;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a Nova SDS011 is run.
 *
 * @param mode         ACTIVE: one frame a second by itself; QUERY: one frame per query command
 * @param warmup       readings after power-on, wake or replug flagged {@code F} (default 30 s: the
 *                     protocol says data is stable 30 s after the sensor starts working)
 * @param frameTimeout how long one read waits for a valid frame before reporting silence ({@code B})
 * @param dutyCycle    when present the driver sleeps and wakes the sensor on the injected clock, to
 *                     spare its fan; readings while asleep or warming up are flagged {@code F}
 */
public record SdsSettings(Mode mode, Duration warmup, Duration frameTimeout, Optional<DutyCycle> dutyCycle) {

    /** Reporting mode (protocol section 3.1). */
    public enum Mode { ACTIVE, QUERY }

    /** Work for {@code work}, then sleep for {@code sleep}, repeating from the driver's creation. */
    public record DutyCycle(Duration work, Duration sleep) {
        public DutyCycle {
            Objects.requireNonNull(work, "work");
            Objects.requireNonNull(sleep, "sleep");
            if (work.isNegative() || work.isZero() || sleep.isNegative() || sleep.isZero()) {
                throw new IllegalArgumentException("duty cycle work and sleep must be positive");
            }
        }

        public Duration period() {
            return work.plus(sleep);
        }
    }

    public SdsSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(frameTimeout, "frameTimeout");
        Objects.requireNonNull(dutyCycle, "dutyCycle");
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative: " + warmup);
        }
        if (frameTimeout.isNegative() || frameTimeout.isZero()) {
            throw new IllegalArgumentException("frame timeout must be positive: " + frameTimeout);
        }
        dutyCycle.ifPresent(d -> {
            if (d.work().compareTo(warmup) <= 0) {
                throw new IllegalArgumentException("duty cycle work time " + d.work()
                        + " must exceed the warm-up " + warmup + ", or no reading would ever be valid");
            }
        });
    }

    /** Active mode, 30 s warm-up, 3 s frame timeout (three report intervals), no duty cycle. */
    public static SdsSettings defaults() {
        return new SdsSettings(Mode.ACTIVE, Duration.ofSeconds(30), Duration.ofSeconds(3), Optional.empty());
    }

    public SdsSettings withMode(Mode m) {
        return new SdsSettings(m, warmup, frameTimeout, dutyCycle);
    }

    public SdsSettings withWarmup(Duration w) {
        return new SdsSettings(mode, w, frameTimeout, dutyCycle);
    }

    public SdsSettings withFrameTimeout(Duration t) {
        return new SdsSettings(mode, warmup, t, dutyCycle);
    }

    public SdsSettings withDutyCycle(Duration work, Duration sleep) {
        return new SdsSettings(mode, warmup, frameTimeout, Optional.of(new DutyCycle(work, sleep)));
    }
}
