package dev.lantian.agent.equipment;

import java.time.Instant;
import java.util.Optional;

/**
 * Everything the equipment stage reports. {@link #key()} identifies "the same violation" for
 * deduplication: at most one open event per key.
 */
public sealed interface EquipmentEvent
        permits LinkageViolation, EmergencyNonCompliance, StaggeredViolation, TamperEvent, PowerLoss, ClockStep {

    EventCore core();

    EquipmentEvent withCore(EventCore core);

    /** Rule id + equipment (+ the production unit for linkage, since one filter serves several lines). */
    String key();

    default String id() {
        return core().id();
    }

    default String rule() {
        return core().rule();
    }

    default String equipment() {
        return core().equipment();
    }

    default Instant start() {
        return core().start();
    }

    default Optional<Instant> end() {
        return core().end();
    }

    default Severity severity() {
        return core().severity();
    }

    default String detail() {
        return core().detail();
    }

    default Evidence evidence() {
        return core().evidence();
    }

    default boolean isOpen() {
        return core().end().isEmpty();
    }
}
