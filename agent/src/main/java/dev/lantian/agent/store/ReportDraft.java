package dev.lantian.agent.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A report before the store numbered it. {@code periodStart/periodEnd} are null for events and
 * real-time reports ({@code acquiredAt} then carries the time); {@code event} null for statistics.
 * {@code acquiredAt} is the acquisition time of the newest sample the report is built from — never
 * the send time.
 */
public record ReportDraft(String device, ReportKind kind, Instant periodStart, Instant periodEnd,
                          Instant acquiredAt, ClockQuality clock, List<ReportValue> values, ReportEvent event) {
    public ReportDraft {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(clock, "clock");
        values = List.copyOf(values);
        if ((periodStart == null) != (periodEnd == null)) {
            throw new IllegalArgumentException("a period needs both start and end");
        }
    }
}
