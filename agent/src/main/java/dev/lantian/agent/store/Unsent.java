package dev.lantian.agent.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Unacknowledged reports deleted before the bureau confirmed them: counted per device and kind with
 * their sequence range, so the storage.unsent-evicted alarm says exactly what was lost.
 */
final class Unsent {
    private record Range(long count, long first, long last) {
        Range plus(Range o) {
            return new Range(count + o.count, Math.min(first, o.first), Math.max(last, o.last));
        }
    }

    private final Map<String, Range> ranges = new TreeMap<>();
    private final java.util.Set<String> reasons = new java.util.TreeSet<>();

    void add(String device, ReportKind kind, long count, long first, long last, String reason) {
        ranges.merge(kind.topic() + " of " + device, new Range(count, first, last), Range::plus);
        reasons.add(reason);
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    long total() {
        return ranges.values().stream().mapToLong(Range::count).sum();
    }

    String detail() {
        StringBuilder b = new StringBuilder("deleted " + total() + " unacknowledged reports (" + String.join(", ", reasons)
                + "):");
        ranges.forEach((what, r) -> b.append(' ').append(r.count).append(' ').append(what).append(" #").append(r.first)
                .append("..#").append(r.last).append(';'));
        b.setLength(b.length() - 1);
        return b.toString();
    }

    /** The alarm report: closed at once (the loss happened), critical. */
    ReportDraft alarm(String device, Instant now, ClockQuality clock) {
        // The first lost range makes the id unique: those sequence numbers are deleted only once.
        Map.Entry<String, Range> first = ranges.entrySet().iterator().next();
        String id = "storage.unsent-evicted@" + now.toEpochMilli() + "/" + first.getKey().replace(' ', '-') + "#"
                + first.getValue().first;
        ReportEvent e = new ReportEvent(id, "storage.unsent-evicted", "agent",
                "critical", now, now, detail());
        return new ReportDraft(device, ReportKind.ALARM, null, null, now, clock, List.of(), e);
    }
}
