package dev.lantian.simulator.demo;

import java.time.Instant;
import java.util.List;

/** A plant that only keeps time and knows what it staged. */
final class ScriptedPlant implements DemoPlant {
    private final Instant start;
    private final Instant end;
    private final List<ExpectedViolation> staged;
    Instant now;

    ScriptedPlant(Instant start, Instant end, List<ExpectedViolation> staged) {
        this.start = start;
        this.end = end;
        this.staged = staged;
        this.now = start;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public Instant start() {
        return start;
    }

    @Override
    public Instant end() {
        return end;
    }

    @Override
    public void advanceTo(Instant t) {
        if (t.isBefore(now)) {
            throw new AssertionError("plant time went back: " + now + " -> " + t);
        }
        now = t;
    }

    @Override
    public List<ExpectedViolation> scriptedViolations() {
        return staged;
    }

    @Override
    public void close() {
    }
}
