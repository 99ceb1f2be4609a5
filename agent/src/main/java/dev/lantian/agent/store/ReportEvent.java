package dev.lantian.agent.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The event part of an EVENT or ALARM report (also used for STATUS: a state change or heartbeat,
 * with {@code rule} "state" / "heartbeat"). {@code end} null while the event is open.
 *
 * @param id        stable id of the event; the open and the close report share it
 * @param rule      e.g. linkage.treatment-not-running, emergency.not-limited, limit, storage.90pct
 * @param subject   equipment id, channel id, or "agent"
 * @param severity  info, warning, violation, critical
 */
public record ReportEvent(String id, String rule, String subject, String severity, Instant start, Instant end,
                          String detail) {
    public ReportEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(start, "start");
        detail = detail == null ? "" : detail;
    }

    public boolean isOpen() {
        return end == null;
    }
}
