package dev.lantian.agent.model;

import dev.lantian.hardware.reading.QualityFlag;
import java.time.Instant;
import java.util.Objects;

/**
 * One value of one configured channel at one instant: the unit that flows from acquisition through
 * measurement to the store. Immutable; the time is the acquisition time, never the send time.
 *
 * @param channel the configured channel id
 * @param time    acquisition instant
 * @param value   value in the channel's unit; {@code NaN} when the source was silent
 * @param flag    HJ 212 quality flag
 */
public record Sample(String channel, Instant time, double value, QualityFlag flag) {
    public Sample {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(flag, "flag");
        if (Double.isNaN(value) && flag.isNormal()) {
            throw new IllegalArgumentException("a sample without a value cannot be flagged N: " + channel + " at " + time);
        }
    }

    public static Sample normal(String channel, Instant time, double value) {
        return new Sample(channel, time, value, QualityFlag.N);
    }

    public boolean hasValue() {
        return !Double.isNaN(value);
    }

    public Sample withFlag(QualityFlag newFlag) {
        return new Sample(channel, time, value, newFlag);
    }

    public Sample withValue(double newValue) {
        return new Sample(channel, time, newValue, flag);
    }
}
