package dev.lantian.agent.assembly;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Notices that the board's wall clock was stepped (NTP after boot, a technician, a bureau time
 * command) by comparing how far it moved with how far a clock that never steps moved. Called by the
 * pipeline's ticker once a second; a disagreement beyond the tolerance is a step from the wall time
 * the monotonic clock predicted to the one the wall clock shows.
 */
final class ClockStepWatch {
    /** A step of the wall clock: {@code before} is where it would have been, {@code after} where it is. */
    record Step(Instant before, Instant after) {
    }

    private final LongSupplier monotonicNanos;
    private final long toleranceNanos;
    private Instant lastWall;
    private long lastMono;

    ClockStepWatch(LongSupplier monotonicNanos, Duration tolerance) {
        this.monotonicNanos = monotonicNanos;
        this.toleranceNanos = tolerance.toNanos();
    }

    Optional<Step> check(Instant wall) {
        long mono = monotonicNanos.getAsLong();
        Optional<Step> step = Optional.empty();
        if (lastWall != null) {
            Instant expected = lastWall.plusNanos(mono - lastMono);
            if (Math.abs(Duration.between(expected, wall).toNanos()) > toleranceNanos) {
                step = Optional.of(new Step(expected, wall));
            }
        }
        lastWall = wall;
        lastMono = mono;
        return step;
    }
}
