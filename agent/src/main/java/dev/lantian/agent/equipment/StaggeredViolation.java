package dev.lantian.agent.equipment;

/** A production unit ran inside a staggered-production period. */
public record StaggeredViolation(EventCore core, String reason) implements EquipmentEvent {
    public static final String RULE = "staggered.running";

    @Override
    public EquipmentEvent withCore(EventCore c) {
        return new StaggeredViolation(c, reason);
    }

    @Override
    public String key() {
        return core.rule() + ":" + core.equipment();
    }
}
