package dev.lantian.agent.equipment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** One {@code staggered_production} entry: site-local dates, both inclusive, in which the units must be off. */
public record StaggeredPeriod(List<String> equipment, LocalDate from, LocalDate to, String reason) {
    public StaggeredPeriod {
        equipment = List.copyOf(equipment);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        reason = reason == null ? "" : reason;
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("staggered period ends before it starts: " + from + " .. " + to);
        }
    }

    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** Exclusive end: the start of the day after {@code to}. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
