package dev.lantian.agent.equipment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields every event shares. The id is derived from the dedup key and the start, so the same
 * violation keeps the same id across a restart.
 */
public record EventCore(String id, String rule, String equipment, Instant start, Optional<Instant> end,
                        Severity severity, String detail, Evidence evidence) {
    public EventCore {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(severity, "severity");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(evidence, "evidence");
    }

    static EventCore open(String key, String rule, String equipment, Instant start, Severity severity, String detail,
                          java.util.List<String> channels) {
        return new EventCore(key + "@" + start, rule, equipment, start, Optional.empty(), severity, detail,
                Evidence.pending(channels, start));
    }

    EventCore withEnd(Instant at) {
        return new EventCore(id, rule, equipment, start, Optional.of(at), severity, detail, evidence);
    }

    EventCore withEvidence(Evidence e) {
        return new EventCore(id, rule, equipment, start, end, severity, detail, e);
    }
}
