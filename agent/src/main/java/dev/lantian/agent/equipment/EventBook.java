package dev.lantian.agent.equipment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The open events and the rules of their life: one open event per key, an event once closed never
 * reopens (a later violation of the same rule is a new event with a later start), evidence filled in
 * as the window after the start elapses.
 */
final class EventBook {
    private final EvidenceBuffer buffer;
    private final Duration before;
    private final Duration after;
    private final MonitorSink sink;
    private final Map<String, EquipmentEvent> open = new LinkedHashMap<>();
    private final Map<String, Instant> lastStart = new HashMap<>();
    private final Map<String, EquipmentEvent> closedAwaitingEvidence = new LinkedHashMap<>();

    EventBook(EvidenceBuffer buffer, Duration before, Duration after, MonitorSink sink) {
        this.buffer = buffer;
        this.before = before;
        this.after = after;
        this.sink = sink;
    }

    /** Opens {@code draft} unless its key is already open or an event at least as recent was seen. */
    void open(EquipmentEvent draft, Instant now) {
        String key = draft.key();
        EquipmentEvent existing = open.get(key);
        if (existing != null) {
            draft.end().ifPresent(end -> close(key, end, now));
            return;
        }
        Instant last = lastStart.get(key);
        if (last != null && !draft.start().isAfter(last)) {
            return;
        }
        lastStart.put(key, draft.start());
        EquipmentEvent e = withEvidence(draft, now);
        if (e.end().isPresent()) {
            sink.onEvent(new EventNotice(EventNotice.Kind.CLOSED, e));
            if (!e.evidence().complete()) {
                closedAwaitingEvidence.put(e.id(), e);
            }
        } else {
            open.put(key, e);
            sink.onEvent(new EventNotice(EventNotice.Kind.OPENED, e));
        }
    }

    /** A closed one-off event that is never deduplicated (each clock step is its own event). */
    void record(EquipmentEvent closed, Instant now) {
        EquipmentEvent e = withEvidence(closed, now);
        sink.onEvent(new EventNotice(EventNotice.Kind.CLOSED, e));
    }

    void close(String key, Instant end, Instant now) {
        EquipmentEvent e = open.remove(key);
        if (e == null) {
            return;
        }
        Instant at = end.isBefore(e.start()) ? e.start() : end;
        e = withEvidence(e.withCore(e.core().withEnd(at)), now);
        sink.onEvent(new EventNotice(EventNotice.Kind.CLOSED, e));
        if (!e.evidence().complete()) {
            closedAwaitingEvidence.put(e.id(), e);
        }
    }

    /**
     * For rules that state "what is violated at {@code t}": opens the new ones and closes, at {@code t},
     * the open events of the family that are no longer reported.
     */
    void sync(Predicate<String> family, Collection<? extends EquipmentEvent> active, Instant t, Instant now) {
        Set<String> keys = new HashSet<>();
        active.forEach(a -> keys.add(a.key()));
        for (EquipmentEvent e : List.copyOf(open.values())) {
            if (family.test(e.rule()) && !keys.contains(e.key())) {
                close(e.key(), t, now);
            }
        }
        active.forEach(a -> open(a, now));
    }

    void closeAll(Predicate<String> family, Instant end, Instant now) {
        sync(family, List.of(), end, now);
    }

    /** Completes the evidence of events whose after-window has elapsed by {@code now}. */
    void advance(Instant now) {
        for (Map.Entry<String, EquipmentEvent> en : open.entrySet()) {
            EquipmentEvent e = en.getValue();
            if (!e.evidence().complete() && !now.isBefore(e.start().plus(after))) {
                e = withEvidence(e, now);
                en.setValue(e);
                sink.onEvent(new EventNotice(EventNotice.Kind.EVIDENCE_COMPLETE, e));
            }
        }
        for (EquipmentEvent e : List.copyOf(closedAwaitingEvidence.values())) {
            if (!now.isBefore(e.start().plus(after))) {
                closedAwaitingEvidence.remove(e.id());
                sink.onEvent(new EventNotice(EventNotice.Kind.EVIDENCE_COMPLETE, withEvidence(e, now)));
            }
        }
    }

    private EquipmentEvent withEvidence(EquipmentEvent e, Instant now) {
        if (e.evidence().complete()) {
            return e; // gathered once in full; the buffer may since have dropped those samples
        }
        Instant from = e.start().minus(before);
        Instant full = e.start().plus(after);
        boolean complete = !now.isBefore(full);
        Instant to = complete ? full : (now.isBefore(e.start()) ? e.start() : now);
        List<String> channels = e.evidence().channels();
        Evidence ev = new Evidence(channels, from, to, buffer.window(channels, from, to), complete);
        return e.withCore(e.core().withEvidence(ev));
    }

    boolean isOpen(String key) {
        return open.containsKey(key);
    }

    List<EquipmentEvent> openEvents() {
        return List.copyOf(open.values());
    }

    List<EquipmentEvent> closedAwaitingEvidence() {
        return List.copyOf(closedAwaitingEvidence.values());
    }

    Map<String, Instant> lastStarts() {
        return Map.copyOf(lastStart);
    }

    void restore(Collection<EquipmentEvent> opened, Collection<EquipmentEvent> awaiting, Map<String, Instant> starts) {
        open.clear();
        closedAwaitingEvidence.clear();
        lastStart.clear();
        lastStart.putAll(starts);
        opened.forEach(e -> open.put(e.key(), e));
        awaiting.forEach(e -> closedAwaitingEvidence.put(e.id(), e));
    }

    List<EquipmentEvent> all() {
        List<EquipmentEvent> l = new ArrayList<>(open.values());
        l.addAll(closedAwaitingEvidence.values());
        return l;
    }
}
