package dev.lantian.agent.store;

/**
 * How far the board's clock can be trusted at acquisition time, carried in every report so the
 * bureau can weigh timestamps: SYNCED (NTP or platform-set within the last day), FREE_RUNNING
 * (was synced, drifting since), UNSYNCED (never synced since boot: times may be far off),
 * STEPPED (a clock step happened inside the report's period).
 */
public enum ClockQuality {
    SYNCED, FREE_RUNNING, UNSYNCED, STEPPED
}
