package dev.lantian.agent.equipment;

import java.time.Instant;
import java.util.Objects;

/** The alert level became {@code level} at {@code time}, set by {@code source}. */
public record AlertChange(Instant time, AlertLevel level, AlertSource source) {
    public AlertChange {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(source, "source");
    }
}
