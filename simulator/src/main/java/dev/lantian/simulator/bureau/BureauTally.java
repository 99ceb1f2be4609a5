package dev.lantian.simulator.bureau;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the bureau has received so far, frozen. {@code received} counts every message on a report
 * topic, valid or not; {@code accepted} the distinct valid reports. {@code gaps} are sequence numbers
 * missing between each device's lowest and highest received; a late or resent report fills its gap.
 */
public record BureauTally(long received, long accepted, long gaps, long duplicates, long resent, long invalid,
                          long replies, long ignored, List<DeviceTally> devices, List<TalliedEvent> events,
                          Map<String, Long> invalidReasons) {

    public BureauTally {
        devices = List.copyOf(devices);
        events = List.copyOf(events);
        invalidReasons = Map.copyOf(invalidReasons);
    }

    /** One device's line in the summary. {@code state} is the last retained state message, or "?". */
    public record DeviceTally(String enterprise, String device, String state, long accepted, long first, long last,
                              long gaps, String holes, long duplicates, long resent, long invalid,
                              Map<String, Long> byKind) {
        public DeviceTally {
            byKind = Map.copyOf(byKind);
        }
    }

    /**
     * An event as the bureau knows it, merged from its open and close reports (same id).
     * {@code end} is null while no close report arrived.
     */
    public record TalliedEvent(String device, String id, String rule, String subject, String severity, Instant start,
                               Instant end, int reports) {
        public Optional<Instant> endTime() {
            return Optional.ofNullable(end);
        }
    }

    public Optional<DeviceTally> device(String device) {
        return devices.stream().filter(d -> d.device().equals(device)).findFirst();
    }

    /** Events of one rule on one subject, by start. */
    public List<TalliedEvent> events(String rule, String subject) {
        return events.stream().filter(e -> e.rule().equals(rule) && e.subject().equals(subject)).toList();
    }

    /** The live one-liner: {@code received N · gaps 0 · dups 3 · invalid 0 · events 5}. */
    public String statusLine() {
        return "received " + received + " · gaps " + gaps + " · dups " + duplicates + " · invalid " + invalid
                + " · events " + events.size();
    }
}
