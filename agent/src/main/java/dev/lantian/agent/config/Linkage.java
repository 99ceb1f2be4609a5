package dev.lantian.agent.config;

import java.time.Duration;
import java.util.List;

/** {@code linkage[]}: the treatment units that must run whenever {@code production} runs. */
public record Linkage(String production, List<String> treatment, Duration grace, Duration lead, Duration lag) {
    public Linkage {
        treatment = List.copyOf(treatment);
    }
}
