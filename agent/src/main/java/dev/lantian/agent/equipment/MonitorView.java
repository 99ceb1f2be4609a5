package dev.lantian.agent.equipment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the console shows: each unit's settled state, the open events and the alert level in force. */
public record MonitorView(Instant asOf, Instant settledUntil, List<Unit> units, List<EquipmentEvent> openEvents,
                          AlertLevel alertLevel, Optional<AlertChange> alert) {
    /** One unit: its state, since when, today's run hours. */
    public record Unit(String id, String name, EquipmentRole role, EquipmentState state, Instant since, double runHoursToday) {
    }
}
