package dev.lantian.agent.equipment;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code emergency} section. {@code complianceWindow} is both the averaging window of a limit and
 * the time a unit is given after an alert change before it is judged.
 */
public record EmergencySettings(Duration complianceWindow, int baselineLearnDays, Map<AlertLevel, List<EmergencyAction>> levels) {
    public EmergencySettings {
        Objects.requireNonNull(complianceWindow, "complianceWindow");
        Map<AlertLevel, List<EmergencyAction>> copy = new EnumMap<>(AlertLevel.class);
        levels.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        levels = Map.copyOf(copy);
        if (baselineLearnDays <= 0) {
            baselineLearnDays = 14;
        }
    }

    public static EmergencySettings none() {
        return new EmergencySettings(Duration.ofMinutes(15), 14, Map.of());
    }

    public List<EmergencyAction> actions(AlertLevel level) {
        return levels.getOrDefault(level, List.of());
    }
}
