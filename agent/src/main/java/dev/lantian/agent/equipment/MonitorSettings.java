package dev.lantian.agent.equipment;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the equipment stage needs, mapped by the caller from the site configuration.
 * {@code evidenceBefore}/{@code evidenceAfter} bound the raw samples attached to an event (default 5 min each).
 */
public record MonitorSettings(ZoneId zone, List<EquipmentSettings> equipment, List<LinkageSettings> linkage,
                              EmergencySettings emergency, List<StaggeredPeriod> staggered, TamperSettings tamper,
                              Duration evidenceBefore, Duration evidenceAfter) {
    public static final Duration DEFAULT_EVIDENCE = Duration.ofMinutes(5);

    public MonitorSettings {
        Objects.requireNonNull(zone, "zone");
        equipment = List.copyOf(equipment);
        linkage = List.copyOf(linkage);
        Objects.requireNonNull(emergency, "emergency");
        staggered = List.copyOf(staggered);
        Objects.requireNonNull(tamper, "tamper");
        evidenceBefore = evidenceBefore == null ? DEFAULT_EVIDENCE : evidenceBefore;
        evidenceAfter = evidenceAfter == null ? DEFAULT_EVIDENCE : evidenceAfter;
        for (LinkageSettings l : linkage) {
            requireRole(equipment, l.production(), EquipmentRole.PRODUCTION);
            for (String t : l.treatment()) {
                requireRole(equipment, t, EquipmentRole.TREATMENT);
            }
        }
    }

    private static void requireRole(List<EquipmentSettings> all, String id, EquipmentRole role) {
        EquipmentSettings e = all.stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("linkage names an unknown equipment: " + id));
        if (e.role() != role) {
            throw new IllegalArgumentException("linkage expects " + id + " to be " + role);
        }
    }

    /** An instant as the site reads it (ISO-8601 with the site's offset), for event details. */
    public String local(java.time.Instant t) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone));
    }

    public Optional<EquipmentSettings> find(String id) {
        return equipment.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
