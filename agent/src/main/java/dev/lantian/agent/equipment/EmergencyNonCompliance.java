package dev.lantian.agent.equipment;

/** A production unit did not stop, or ran above its limit, during an alert. */
public record EmergencyNonCompliance(EventCore core, AlertLevel level, EmergencyAction.Kind action) implements EquipmentEvent {
    public static final String STOP = "emergency.stop";
    public static final String LIMIT = "emergency.limit";

    @Override
    public EquipmentEvent withCore(EventCore c) {
        return new EmergencyNonCompliance(c, level, action);
    }

    @Override
    public String key() {
        return core.rule() + ":" + core.equipment();
    }
}
