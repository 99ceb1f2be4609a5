package dev.lantian.agent.equipment;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code state} section of an equipment: thresholds in the unit of the primary channel (kW for
 * power, A for current; ignored for a contact-only unit), {@code running_above}/{@code running_below}
 * being the two edges of the hysteresis band.
 */
public record StateThresholds(double standbyAbove, double runningAbove, double runningBelow, double lowLoadShare,
                              Duration minDwell, Duration staleAfter) {
    public StateThresholds {
        Objects.requireNonNull(minDwell, "minDwell");
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (runningBelow > runningAbove) {
            throw new IllegalArgumentException("running_below must not exceed running_above");
        }
        if (lowLoadShare < 0 || lowLoadShare > 1) {
            throw new IllegalArgumentException("low_load_share must lie in [0, 1]");
        }
    }
}
