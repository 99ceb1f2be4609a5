package dev.lantian.agent.equipment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A flat, persistable form of any {@link EquipmentEvent} (null for fields its type does not have).
 * The evidence is kept as its window and channels only: its samples are raw samples the store keeps,
 * read back on restore ({@link RecentSamples}).
 */
public record EventRecord(String type, String id, String rule, String equipment, Instant start, Instant end,
                          Severity severity, String detail, List<String> channels, Instant evidenceFrom,
                          Instant evidenceTo, boolean evidenceComplete,
                          String production, AlertLevel level, EmergencyAction.Kind action, TamperEvent.Kind tamperKind,
                          String channel, String reason, Instant before, Instant after) {

    public static EventRecord of(EquipmentEvent e) {
        EventCore c = e.core();
        Evidence ev = c.evidence();
        String production = null;
        AlertLevel level = null;
        EmergencyAction.Kind action = null;
        TamperEvent.Kind kind = null;
        String channel = null;
        String reason = null;
        Instant before = null;
        Instant after = null;
        if (e instanceof LinkageViolation l) {
            production = l.production();
        } else if (e instanceof EmergencyNonCompliance n) {
            level = n.level();
            action = n.action();
        } else if (e instanceof StaggeredViolation s) {
            reason = s.reason();
        } else if (e instanceof TamperEvent t) {
            kind = t.kind();
            channel = t.channel();
        } else if (e instanceof ClockStep s) {
            before = s.before();
            after = s.after();
        }
        return new EventRecord(e.getClass().getSimpleName(), c.id(), c.rule(), c.equipment(), c.start(), c.end().orElse(null),
                c.severity(), c.detail(), ev.channels(), ev.from(), ev.to(), ev.complete(),
                production, level, action, kind, channel, reason, before, after);
    }

    /** The event with an empty evidence sample list, to be filled from the store ({@link RecentSamples}). */
    public EquipmentEvent toEvent() {
        Evidence ev = new Evidence(channels == null ? List.of() : channels, evidenceFrom == null ? start : evidenceFrom,
                evidenceTo == null ? start : evidenceTo, List.of(), evidenceComplete);
        EventCore c = new EventCore(id, rule, equipment, start, Optional.ofNullable(end), severity, detail, ev);
        return switch (type) {
            case "LinkageViolation" -> new LinkageViolation(c, production);
            case "EmergencyNonCompliance" -> new EmergencyNonCompliance(c, level, action);
            case "StaggeredViolation" -> new StaggeredViolation(c, reason);
            case "TamperEvent" -> new TamperEvent(c, tamperKind, channel);
            case "PowerLoss" -> new PowerLoss(c);
            case "ClockStep" -> new ClockStep(c, before, after);
            default -> throw new IllegalArgumentException("unknown event type in snapshot: " + type);
        };
    }
}
