package dev.lantian.agent.equipment;

/** How urgently a person should look at an event. */
public enum Severity {
    INFO, WARNING, ALARM
}
