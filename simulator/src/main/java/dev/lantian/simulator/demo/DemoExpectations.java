package dev.lantian.simulator.demo;

import dev.lantian.simulator.plant.Scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The violations a scenario's incidents stage, as the demo compares them, cut at the run's end. The
 * scenario writes them in the board's time (after a scripted clock step the board dates events on
 * its stepped clock, and the scenario says so), so they are taken as written.
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
                out.add(new ExpectedViolation(e.rule(), e.equipment(), e.start(), until, tolerance));
            }
        }
        return out;
    }
}
