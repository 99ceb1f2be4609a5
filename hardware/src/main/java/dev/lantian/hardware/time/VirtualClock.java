package dev.lantian.hardware.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to: {@link #advance}, {@link #set} (a step, forward or back, as an
 * NTP correction would make) or {@link #sleep}, which advances instead of waiting. Thread-safe; all
 * views made with {@link #withZone} share the same instant.
 */
public final class VirtualClock extends BoardClock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public VirtualClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), zone);
    }

    private VirtualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public Instant advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("advance takes a non-negative duration; use set() for a step back");
        }
        return now.updateAndGet(t -> t.plus(d));
    }

    /** Steps the clock to {@code t}, forward or back. */
    public void set(Instant t) {
        now.set(Objects.requireNonNull(t, "t"));
    }

    @Override
    public void sleep(Duration duration) {
        if (!duration.isNegative()) {
            advance(duration);
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new VirtualClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
