package dev.lantian.agent.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** {@code emergency:} orders per heavy-pollution alert level. Levels without orders map to an empty list. */
public record Emergency(Duration complianceWindow, int baselineLearnDays, Map<AlertLevel, List<Order>> levels) {

    public Emergency {
        EnumMap<AlertLevel, List<Order>> copy = new EnumMap<>(AlertLevel.class);
        for (AlertLevel level : AlertLevel.values()) {
            copy.put(level, List.copyOf(levels.getOrDefault(level, List.of())));
        }
        levels = java.util.Collections.unmodifiableMap(copy);
    }

    public List<Order> orders(AlertLevel level) {
        return levels.get(level);
    }

    public enum AlertLevel { YELLOW, ORANGE, RED }

    public enum Action { STOP, LIMIT }

    /** What one production equipment must do; {@code maxShare} is present exactly for LIMIT. */
    public record Order(String equipment, Action action, OptionalDouble maxShare) {
    }
}
