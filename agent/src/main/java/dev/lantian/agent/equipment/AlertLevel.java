package dev.lantian.agent.equipment;

/** Heavy-pollution alert levels (无/黄色/橙色/红色预警). */
public enum AlertLevel {
    NONE, YELLOW, ORANGE, RED
}
