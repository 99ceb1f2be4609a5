package dev.lantian.agent.measure;

import dev.lantian.hardware.reading.QualityFlag;
import java.time.Instant;

/**
 * The channel's value at a real-time tick (HJ 212 CN=2011): the latest calibrated value read before
 * the tick. When nothing arrived during the last real-time interval the value is NaN and the flag B.
 *
 * @param tick       the tick instant (aligned to the real-time interval in the site zone)
 * @param sampleTime when the value was read; null when there is none
 */
public record RealtimeValue(String channel, Instant tick, Instant sampleTime, double value, QualityFlag flag)
        implements MeasureOutput {
}
