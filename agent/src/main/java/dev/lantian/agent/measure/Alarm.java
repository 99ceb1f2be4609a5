package dev.lantian.agent.measure;

import java.time.Instant;

/**
 * A limit exceedance. Emitted once as {@link State#RAISED} (when the value stayed above the limit for
 * its minimum duration; {@code end} null) and once as {@link State#CLEARED} (when a value fell below
 * the clear threshold; {@code end} = that sample's time). {@code start} is when the exceedance began,
 * not when the alarm was raised.
 */
public record Alarm(String limitId, String channel, String severity, State state, Instant start, Instant end,
                    double threshold, double peak) implements MeasureOutput {

    public enum State { RAISED, CLEARED }
}
