package dev.lantian.agent.equipment;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The rows the replay command writes: {@code events.csv} ({@code rule,equipment,start,end,severity,detail},
 * an open event with an empty end) and {@code states.csv} ({@code equipment,time,state}). Times are
 * ISO-8601 with the site's offset; fields are quoted per RFC 4180 when they need it.
 */
public final class MonitorCsv {
    public static final String EVENTS_HEADER = "rule,equipment,start,end,severity,detail";
    public static final String STATES_HEADER = "equipment,time,state";
    private final DateTimeFormatter format;

    public MonitorCsv(ZoneId zone) {
        this.format = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    public String eventRow(EquipmentEvent e) {
        return String.join(",", quote(e.rule()), quote(e.equipment()), time(e.start()),
                e.end().map(this::time).orElse(""), e.severity().name(), quote(e.detail()));
    }

    public String stateRow(StateChange c) {
        return String.join(",", quote(c.equipment()), time(c.time()), c.to().name());
    }

    public void writeEventsHeader(Writer w) throws IOException {
        w.write(EVENTS_HEADER + "\n");
    }

    public void writeStatesHeader(Writer w) throws IOException {
        w.write(STATES_HEADER + "\n");
    }

    public void writeEvent(Writer w, EquipmentEvent e) throws IOException {
        w.write(eventRow(e) + "\n");
    }

    public void writeState(Writer w, StateChange c) throws IOException {
        w.write(stateRow(c) + "\n");
    }

    /**
     * Writes each event once, in its latest form (an event is notified up to three times), ordered by
     * start: the table a replay produces.
     */
    public void writeEvents(Writer w, java.util.Collection<EventNotice> notices) throws IOException {
        java.util.Map<String, EquipmentEvent> latest = new java.util.LinkedHashMap<>();
        notices.forEach(n -> latest.put(n.event().id(), n.event()));
        writeEventsHeader(w);
        for (EquipmentEvent e : latest.values().stream()
                .sorted(java.util.Comparator.comparing(EquipmentEvent::start).thenComparing(EquipmentEvent::id)).toList()) {
            writeEvent(w, e);
        }
    }

    private String time(Instant t) {
        return format.format(t);
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
