package dev.lantian.agent.equipment;

import java.util.Objects;

/** What one production unit must do at one alert level: stop, or stay under maxShare × its baseline power. */
public record EmergencyAction(String equipment, Kind action, double maxShare) {
    public enum Kind { STOP, LIMIT }

    public EmergencyAction {
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(action, "action");
        if (action == Kind.LIMIT && (maxShare <= 0 || maxShare > 1)) {
            throw new IllegalArgumentException("max_share of a limit must lie in (0, 1]: " + equipment);
        }
    }

    public static EmergencyAction stop(String equipment) {
        return new EmergencyAction(equipment, Kind.STOP, 0);
    }

    public static EmergencyAction limit(String equipment, double maxShare) {
        return new EmergencyAction(equipment, Kind.LIMIT, maxShare);
    }
}
