package dev.lantian.agent.equipment;

/** What an equipment unit is doing, as decided from its channels. */
public enum EquipmentState {
    OFF, STANDBY, RUNNING, LOW_LOAD, UNKNOWN;

    /** Working, whether at full or at a suspiciously low load: both count as "running" for the rules. */
    public boolean isRunning() {
        return this == RUNNING || this == LOW_LOAD;
    }

    /** Proven not working (UNKNOWN proves nothing either way). */
    public boolean isStopped() {
        return this == OFF || this == STANDBY;
    }
}
