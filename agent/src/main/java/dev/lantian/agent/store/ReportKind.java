package dev.lantian.agent.store;

/** What a report carries; its {@link #topic()} is the last level of the MQTT topic. */
public enum ReportKind {
    /** Real-time values (HJ 212 2011), one per realtime interval. */
    REALTIME("realtime"),
    /** Minute-interval statistics (HJ 212 2051). */
    MINUTE("minute"),
    /** Hourly statistics (HJ 212 2061). */
    HOUR("hour"),
    /** Daily statistics (HJ 212 2031). */
    DAY("day"),
    /** An equipment event opened or closed (linkage, emergency, staggered, tamper, power, clock). */
    EVENT("event"),
    /** A limit alarm raised or cleared, or an agent alarm (storage, clock). */
    ALARM("alarm"),
    /** Equipment state changes and the agent's own heartbeat. */
    STATUS("status");

    private final String topic;

    ReportKind(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** Period statistics are evicted before events and alarms (see docs/storage.md). */
    public boolean isPeriodStatistic() {
        return this == REALTIME || this == MINUTE || this == HOUR || this == DAY;
    }

    public static ReportKind fromTopic(String topic) {
        for (ReportKind k : values()) {
            if (k.topic.equals(topic)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown report kind '" + topic + "'");
    }
}
