package dev.lantian.agent.measure;

import dev.lantian.hardware.reading.QualityFlag;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Console snapshot of one channel: the latest calibrated value, its windows, how many samples were
 * rejected and why, and the alarms now active.
 *
 * @param latestTime null before the first value
 */
public record ChannelView(String channel, Instant latestTime, double latestValue, QualityFlag latestFlag,
                          List<WindowView> windows, Map<Rejected.Reason, Long> rejected, List<Alarm> activeAlarms) {

    public ChannelView {
        windows = List.copyOf(windows);
        rejected = Map.copyOf(rejected);
        activeAlarms = List.copyOf(activeAlarms);
    }
}
