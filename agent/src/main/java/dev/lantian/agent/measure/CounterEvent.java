package dev.lantian.agent.measure;

import java.time.Instant;

/** A counter reading that went backwards, and how much increase the stage credited for that step. */
public record CounterEvent(String channel, Instant time, Kind kind, double previous, double current, double credited)
        implements MeasureOutput {

    public enum Kind {
        ROLLOVER, RESET, DISCONTINUITY;

        Note note() {
            return switch (this) {
                case ROLLOVER -> Note.COUNTER_ROLLOVER;
                case RESET -> Note.COUNTER_RESET;
                case DISCONTINUITY -> Note.COUNTER_DISCONTINUITY;
            };
        }
    }
}
