package dev.lantian.simulator.bureau;

import dev.lantian.simulator.bureau.BureauTally.DeviceTally;
import dev.lantian.simulator.bureau.BureauTally.TalliedEvent;

import java.time.Instant;
import java.util.Map;

/** The final plain-text summary of a {@link BureauTally}: devices, events, invalid reasons. */
public final class TallySummary {
    private TallySummary() {
    }

    public static String render(BureauTally t) {
        StringBuilder b = new StringBuilder();
        b.append("Bureau: ").append(t.statusLine()).append(" · accepted ").append(t.accepted())
                .append(" · resent ").append(t.resent()).append(" · replies ").append(t.replies()).append('\n');
        TextTable devices = new TextTable("enterprise", "device", "state", "accepted", "first", "last", "gaps",
                "dups", "resent", "invalid", "missing");
        for (DeviceTally d : t.devices()) {
            devices.row(d.enterprise(), d.device(), d.state(), d.accepted(), d.first(), d.last(), d.gaps(),
                    d.duplicates(), d.resent(), d.invalid(), d.holes().isEmpty() ? "-" : d.holes());
        }
        b.append('\n').append(devices.isEmpty() ? "(no device reported)\n" : devices.render());
        TextTable events = new TextTable("device", "rule", "subject", "severity", "start", "end", "reports");
        for (TalliedEvent e : t.events()) {
            events.row(e.device(), e.rule(), e.subject(), e.severity(), time(e.start()),
                    e.end() == null ? "open" : time(e.end()), e.reports());
        }
        b.append('\n').append(events.isEmpty() ? "(no events)\n" : events.render());
        if (!t.invalidReasons().isEmpty()) {
            TextTable reasons = new TextTable("invalid reason", "count");
            t.invalidReasons().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).forEach(r -> reasons.row(r.getKey(), r.getValue()));
            b.append('\n').append(reasons.render());
        }
        return b.toString();
    }

    static String time(Instant t) {
        return t == null ? "-" : t.toString();
    }
}
