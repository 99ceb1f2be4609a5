package dev.lantian.agent.equipment;

/** Who set the alert level: the bureau over the uplink, or the technician on the local console. */
public enum AlertSource {
    BUREAU, LOCAL
}
