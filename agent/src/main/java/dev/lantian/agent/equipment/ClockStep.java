package dev.lantian.agent.equipment;

import java.time.Instant;

/**
 * The board's clock jumped from {@code before} to {@code after}; start and end are both {@code after}.
 * Never deduplicated: every step is its own event (id from the time stepped away from).
 */
public record ClockStep(EventCore core, Instant before, Instant after) implements EquipmentEvent {
    public static final String RULE = "board.clock-step";

    @Override
    public EquipmentEvent withCore(EventCore c) {
        return new ClockStep(c, before, after);
    }

    @Override
    public String key() {
        return RULE;
    }
}
