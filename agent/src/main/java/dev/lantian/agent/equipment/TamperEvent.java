package dev.lantian.agent.equipment;

/** Signs that the measurement itself was defeated or lost. */
public record TamperEvent(EventCore core, Kind kind, String channel) implements EquipmentEvent {
    public enum Kind {
        METER_LOST("tamper.meter-lost"),
        CLAMP_REMOVED("tamper.clamp-removed"),
        PHASE_LOSS("tamper.phase-loss");

        private final String rule;

        Kind(String rule) {
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    @Override
    public EquipmentEvent withCore(EventCore c) {
        return new TamperEvent(c, kind, channel);
    }

    @Override
    public String key() {
        return core.rule() + ":" + core.equipment() + ":" + channel;
    }
}
