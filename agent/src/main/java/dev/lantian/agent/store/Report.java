package dev.lantian.agent.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A numbered, stored report: what the uplink publishes and the bureau receives. {@code sequence}
 * is strictly increasing per {@code device} and survives restarts; {@code generatedAt} is when the
 * store accepted it; {@code resent} marks a copy re-published for a history request.
 */
public record Report(String device, long sequence, ReportKind kind, Instant periodStart, Instant periodEnd,
                     Instant generatedAt, Instant acquiredAt, ClockQuality clock, List<ReportValue> values,
                     ReportEvent event, boolean resent) {
    public Report {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(clock, "clock");
        values = List.copyOf(values);
        if (sequence <= 0) {
            throw new IllegalArgumentException("sequence numbers start at 1: " + sequence);
        }
    }

    public static Report numbered(ReportDraft d, long sequence, Instant generatedAt) {
        return new Report(d.device(), sequence, d.kind(), d.periodStart(), d.periodEnd(), generatedAt,
                d.acquiredAt(), d.clock(), d.values(), d.event(), false);
    }

    public Report asResent() {
        return new Report(device, sequence, kind, periodStart, periodEnd, generatedAt, acquiredAt, clock, values,
                event, true);
    }
}
