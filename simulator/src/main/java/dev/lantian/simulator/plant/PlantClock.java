package dev.lantian.simulator.plant;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Plant time for live runs: starts at the scenario start and runs {@code speed} plant seconds per
 * wall second (1 = real time, 60 = a plant hour a wall minute).
 */
public final class PlantClock {
    private final Instant start;
    private final double speed;
    private final LongSupplier nanoTime;
    private final long origin;

    public PlantClock(Instant start, double speed, LongSupplier nanoTime) {
        if (!(speed > 0) || speed > 100_000) {
            throw new IllegalArgumentException("speed must be in (0, 100000] plant seconds per second, not " + speed);
        }
        this.start = start;
        this.speed = speed;
        this.nanoTime = nanoTime;
        this.origin = nanoTime.getAsLong();
    }

    /** Real time from now on. */
    public static PlantClock wall(Instant start, double speed) {
        return new PlantClock(start, speed, System::nanoTime);
    }

    public Instant now() {
        return start.plus(Duration.ofNanos((long) ((nanoTime.getAsLong() - origin) * speed)));
    }

    public double speed() {
        return speed;
    }
}
