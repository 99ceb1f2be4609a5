package dev.lantian.agent.equipment;

/** A treatment unit failed the production unit it serves. The event's equipment is the treatment unit. */
public record LinkageViolation(EventCore core, String production) implements EquipmentEvent {
    public static final String NOT_RUNNING = "linkage.treatment-not-running";
    public static final String LATE_START = "linkage.treatment-late-start";
    public static final String EARLY_STOP = "linkage.treatment-early-stop";
    public static final String LOW_LOAD = "linkage.treatment-low-load";

    @Override
    public EquipmentEvent withCore(EventCore c) {
        return new LinkageViolation(c, production);
    }

    @Override
    public String key() {
        return key(core.rule(), core.equipment(), production);
    }

    static String key(String rule, String treatment, String production) {
        return rule + ":" + treatment + ":" + production;
    }
}
