package dev.lantian.agent.uplink;

import dev.lantian.agent.equipment.AlertLevel;

import java.time.Instant;

/** What bureau commands act on; the board's wiring implements it with the equipment stage. */
public interface CommandTarget {

    /** The bureau set the heavy-pollution alert level, effective at {@code at}. */
    void setAlertLevel(AlertLevel level, Instant at);
}
