package dev.lantian.agent.equipment;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code tamper} section. {@code voltagePresentAbove} (V) separates a live phase from a lost one and
 * {@code powerLossAfter} is the heartbeat gap that counts as a board power loss; neither is in the
 * example YAML, so defaults apply (50 V, 2 min).
 */
public record TamperSettings(Duration meterLostAfter, double clampCurrentBelow, double voltagePresentAbove, Duration powerLossAfter) {
    public static final double DEFAULT_VOLTAGE_PRESENT_ABOVE = 50;
    public static final Duration DEFAULT_POWER_LOSS_AFTER = Duration.ofMinutes(2);

    public TamperSettings {
        Objects.requireNonNull(meterLostAfter, "meterLostAfter");
        Objects.requireNonNull(powerLossAfter, "powerLossAfter");
    }

    public TamperSettings(Duration meterLostAfter, double clampCurrentBelow) {
        this(meterLostAfter, clampCurrentBelow, DEFAULT_VOLTAGE_PRESENT_ABOVE, DEFAULT_POWER_LOSS_AFTER);
    }
}
