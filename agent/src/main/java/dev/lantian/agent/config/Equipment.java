package dev.lantian.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** {@code equipment[]}: a production or treatment unit whose running state is decided from its channels. */
public record Equipment(String id, String name, Role role, double ratedPower, MeasuredBy measuredBy,
                        StateThresholds state, OptionalDouble baselinePower) {

    public enum Role { PRODUCTION, TREATMENT }

    /** Channel ids; at least one is present. */
    public record MeasuredBy(Optional<String> power, List<String> currents, List<String> voltages,
                             Optional<String> contact, Optional<String> energy) {
        public MeasuredBy {
            currents = List.copyOf(currents);
            voltages = List.copyOf(voltages);
        }
    }

    /**
     * In kW when a power channel is given, else A. standbyAbove &lt; runningAbove, runningBelow ≤
     * runningAbove; lowLoadShare in (0, 1) of rated power.
     */
    public record StateThresholds(double standbyAbove, double runningAbove, double runningBelow, double lowLoadShare,
                                  Duration minDwell, Duration staleAfter) {
    }
}
