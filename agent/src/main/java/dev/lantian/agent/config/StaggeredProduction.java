package dev.lantian.agent.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** {@code staggered_production[]}: production units that must be off from {@code from} to {@code to}, both inclusive. */
public record StaggeredProduction(List<String> equipment, LocalDate from, LocalDate to, Optional<String> reason) {
    public StaggeredProduction {
        equipment = List.copyOf(equipment);
    }
}
