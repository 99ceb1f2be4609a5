package dev.lantian.agent.equipment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The channels that measure one unit ({@code measured_by} in the site YAML). The state comes from the
 * first present of: active power, the highest per-phase current, the dry contact; the others serve as
 * cross-checks for tamper detection.
 */
public record MeasuredBy(Optional<String> power, List<String> currents, List<String> voltages, Optional<String> contact) {
    public MeasuredBy {
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(contact, "contact");
        currents = List.copyOf(currents);
        voltages = List.copyOf(voltages);
        if (power.isEmpty() && currents.isEmpty() && contact.isEmpty()) {
            throw new IllegalArgumentException("an equipment needs a power, current or contact channel");
        }
    }

    public static MeasuredBy power(String power, List<String> currents, List<String> voltages) {
        return new MeasuredBy(Optional.of(power), currents, voltages, Optional.empty());
    }

    /** Every channel of the unit: the ones whose raw samples make an event's evidence. */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        power.ifPresent(all::add);
        all.addAll(currents);
        all.addAll(voltages);
        contact.ifPresent(all::add);
        return all;
    }
}
