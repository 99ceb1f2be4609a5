package dev.lantian.agent.equipment;

import java.time.Instant;
import java.util.Objects;

/** A unit's state changed at {@code time} (the moment the new state began, not the moment it was confirmed). */
public record StateChange(String equipment, Instant time, EquipmentState from, EquipmentState to) {
    public StateChange {
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
