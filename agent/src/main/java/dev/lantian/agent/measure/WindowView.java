package dev.lantian.agent.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * A sliding window (t − window, t] over a channel's valid (N) values. {@code iaqi} is the HJ 633-2012
 * sub-index of the average for 24 h windows of PM2.5 / PM10 channels, otherwise empty.
 */
public record WindowView(String channel, Duration window, Instant at, double avg, double min, double max, int count,
                         OptionalInt iaqi) implements MeasureOutput {
}
