package dev.lantian.simulator.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A violation the plant scenario stages on purpose, which the agent must flag: the rule, the
 * equipment it concerns, when it starts and ends in the board's time ({@code end} null: not checked,
 * for a point event or one still open when the run stops), and how far the agent's times may differ
 * (grace periods, dwell, sampling interval).
 */
public record ExpectedViolation(String rule, String equipment, Instant start, Instant end, Duration tolerance) {
    public ExpectedViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative: " + tolerance);
        }
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("violation ends before it starts: " + start + " > " + end);
        }
    }
}
