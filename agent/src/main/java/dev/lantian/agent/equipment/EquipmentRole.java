package dev.lantian.agent.equipment;

/** Whether a unit makes the product (and the pollution) or treats the exhaust. */
public enum EquipmentRole {
    PRODUCTION, TREATMENT
}
