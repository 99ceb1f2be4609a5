package dev.lantian.agent.equipment;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** One entry of {@code linkage}: the treatment units that must serve a production unit, and the tolerances. */
public record LinkageSettings(String production, List<String> treatment, Duration grace, Duration lead, Duration lag) {
    public LinkageSettings {
        Objects.requireNonNull(production, "production");
        treatment = List.copyOf(treatment);
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(lag, "lag");
    }
}
