package dev.lantian.simulator.demo;

import java.time.Instant;
import java.util.List;

/** A plant that only keeps time and knows what it staged. */
final class ScriptedPlant implements DemoPlant {
    private final Instant start;
    private final Instant end;
    private final List<ExpectedViolation> staged;
    Instant now;
    /** Alert level orders: from this time on, this level (sorted by time). */
    final java.util.TreeMap<Instant, String> alerts = new java.util.TreeMap<>();
    /** A broker outage from {@code downFrom} (inclusive) to {@code downTo} (exclusive), when set. */
    Instant downFrom;
    Instant downTo;

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
    public java.util.Optional<String> alertLevel() {
        var e = alerts.floorEntry(now);
        return e == null || e.getValue().equals("none") ? java.util.Optional.empty() : java.util.Optional.of(e.getValue());
    }

    @Override
    public boolean brokerDown() {
        return downFrom != null && !now.isBefore(downFrom) && now.isBefore(downTo);
    }

    @Override
    public List<ExpectedViolation> scriptedViolations() {
        return staged;
    }

    @Override
    public void close() {
    }
}
