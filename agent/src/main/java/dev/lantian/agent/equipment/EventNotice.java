package dev.lantian.agent.equipment;

import java.util.Objects;

/**
 * One emission of an event. The same event (same id) is emitted when it opens, when it closes and when
 * its evidence window has elapsed; a consumer upserts by id. An event whose start+after already lies in
 * the past when it opens carries complete evidence at once and gets no separate EVIDENCE_COMPLETE.
 */
public record EventNotice(Kind kind, EquipmentEvent event) {
    public enum Kind { OPENED, CLOSED, EVIDENCE_COMPLETE }

    public EventNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(event, "event");
    }
}
