package dev.lantian.agent.equipment;

import java.util.Objects;
import java.util.OptionalDouble;

/** One entry of the {@code equipment} list of the site YAML. */
public record EquipmentSettings(String id, String name, EquipmentRole role, double ratedPower, MeasuredBy measuredBy,
                                StateThresholds state, OptionalDouble baselinePower) {
    public EquipmentSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(measuredBy, "measuredBy");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(baselinePower, "baselinePower");
        name = name == null ? id : name;
    }
}
