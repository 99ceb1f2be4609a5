package dev.lantian.agent.report;

import dev.lantian.agent.store.ClockQuality;
import java.time.Instant;

/**
 * How far the board's clock could be trusted over a span of acquisition time. The pipeline asks once
 * per report: [periodStart, periodEnd) for statistics, [t, t] for events and real-time values.
 */
public interface ClockQualitySource {

    ClockQuality over(Instant from, Instant to);

    /** The board's clock was stepped from {@code before} to {@code after}; sources that care remember it. */
    default void stepped(Instant before, Instant after) {
    }

    /** Always the same quality (tests, or a board whose time discipline is not tracked). */
    static ClockQualitySource fixed(ClockQuality quality) {
        return (from, to) -> quality;
    }
}
