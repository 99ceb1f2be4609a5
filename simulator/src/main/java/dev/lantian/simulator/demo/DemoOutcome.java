package dev.lantian.simulator.demo;

import dev.lantian.simulator.bureau.BureauTally;
import dev.lantian.simulator.bureau.TallySummary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a demo run ended: what the board sent, what the bureau got, and the staged violations against
 * the flagged ones. It passes only when every report created arrived, none is missing in sequence,
 * none was invalid, and the violations agree.
 */
public record DemoOutcome(String scenario, Instant plantStart, Instant plantEnd, Duration wall, long created,
                          long pending, BureauTally tally, ViolationCheck.Result violations,
                          List<BrokerOutage.Window> outages, List<String> problems) {

    public DemoOutcome {
        outages = List.copyOf(outages);
        problems = List.copyOf(problems);
    }

    public List<String> failures() {
        List<String> f = new ArrayList<>(problems);
        if (tally.gaps() != 0) {
            f.add(tally.gaps() + " sequence gap(s) at the bureau");
        }
        if (tally.accepted() != created) {
            f.add("the board created " + created + " reports, the bureau accepted " + tally.accepted());
        }
        if (pending != 0) {
            f.add(pending + " report(s) never acknowledged by the broker");
        }
        if (tally.invalid() != 0) {
            f.add(tally.invalid() + " invalid payload(s)");
        }
        if (!violations.missed().isEmpty()) {
            f.add(violations.missed().size() + " staged violation(s) not flagged");
        }
        if (!violations.unexpected().isEmpty()) {
            f.add(violations.unexpected().size() + " flagged event(s) not staged");
        }
        return f;
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    public String render() {
        Duration plant = Duration.between(plantStart, plantEnd);
        double speed = wall.isZero() ? 0 : plant.toMillis() / (double) Math.max(1, wall.toMillis());
        StringBuilder b = new StringBuilder();
        b.append("Demo '").append(scenario).append("': plant ").append(plantStart).append(" → ").append(plantEnd)
                .append(" (").append(text(plant)).append(") in ").append(text(wall)).append(" wall, ×")
                .append(Math.round(speed)).append('\n');
        b.append("reports: sent ").append(created).append(" · received ").append(tally.accepted())
                .append(" · unacknowledged ").append(pending).append(" · gaps ").append(tally.gaps())
                .append(" · dups ").append(tally.duplicates()).append(" · invalid ").append(tally.invalid()).append("\n\n");
        for (BrokerOutage.Window w : outages) {
            b.append("broker outage ").append(w.from()).append(" → ").append(w.to()).append(": bureau saw the board ")
                    .append(w.offlineSeen() ? "offline" : "NOT offline").append(", ").append(w.held())
                    .append(" report(s) held in its outbox, ").append(w.backOnline() ? "back online after" : "NOT back online")
                    .append('\n');
        }
        if (!outages.isEmpty()) {
            b.append('\n');
        }
        b.append(violations.render()).append('\n');
        b.append(TallySummary.render(tally)).append('\n');
        List<String> f = failures();
        b.append(f.isEmpty() ? "RESULT: PASS" : "RESULT: FAIL — " + String.join("; ", f)).append('\n');
        return b.toString();
    }

    private static String text(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format("%dm%02d.%ds", s / 60, s % 60, d.toMillisPart() / 100);
    }
}
