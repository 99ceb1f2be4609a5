package dev.lantian.simulator.demo;

import dev.lantian.simulator.plant.Scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The violations a scenario's incidents stage, as the demo compares them: cut at the run's end, and
 * moved into the board's time, which runs ahead of the plant by every clock step scripted so far
 * (the board reports in its own clock, as a real one would after a wrong NTP step).
 */
final class DemoExpectations {
    private DemoExpectations() {
    }

    static List<ExpectedViolation> of(Scenario s, Instant end, Duration tolerance) {
        List<ExpectedViolation> out = new ArrayList<>();
        for (Scenario.Incident i : s.incidents()) {
            for (Scenario.Expectation e : i.expected()) {
                if (!e.start().isBefore(end)) {
                    continue;
                }
                Instant until = e.end().filter(t -> !t.isAfter(end)).orElse(null);
                out.add(new ExpectedViolation(e.rule(), e.equipment(), boardTime(s, e.start()),
                        until == null ? null : boardTime(s, until), tolerance));
            }
        }
        return out;
    }

    /** Plant time {@code t} on the board's clock: plus the clock steps that happened by then. */
    static Instant boardTime(Scenario s, Instant t) {
        Duration offset = s.incidents().stream()
                .filter(i -> i.type() == Scenario.IncidentType.CLOCK_STEP && !i.from().isAfter(t))
                .map(Scenario.Incident::offset).reduce(Duration.ZERO, Duration::plus);
        return t.plus(offset);
    }

    static List<String> notices(Scenario s, Instant end) {
        List<String> out = new ArrayList<>();
        for (Scenario.Incident i : s.incidents()) {
            if (i.type() == Scenario.IncidentType.BROKER_DOWN && i.from().isBefore(end)) {
                out.add("incident broker-down " + i.from() + " is not staged: the demo keeps its broker up "
                        + "(the uplink's outage tests cover it)");
            }
        }
        return out;
    }
}
