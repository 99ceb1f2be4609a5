package dev.lantian.agent.measure;

import dev.lantian.hardware.reading.QualityFlag;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Statistics of one channel over one period [start, end).
 *
 * <p>{@code avg/min/max} come from the valid underlying values (samples flagged N for the minute
 * level, valid one-minute values for the minute interval and the hour, valid hours for the day); when
 * there are none, from every underlying value that has a number, so a fog-flagged period still shows
 * what was read, with its flag. {@code NaN} when nothing was read.
 *
 * @param count      samples with a value that entered the period (rejected samples excluded)
 * @param validUnits valid underlying values: samples (1-min interval), valid minutes (minute interval,
 *                   hour) or valid hours (day)
 * @param increase   for counters the increase over the period; {@code NaN} otherwise
 * @param flag       N when at least 75 % of the underlying values are N, else the most frequent other flag
 *                   (ties by {@link QualityFlag#dominance()}); B when nothing arrived; D after a clock step
 * @param valid      enough valid underlying values (see {@link ChannelSettings#requiredSamplesPerMinute()},
 *                   {@link MeasureSettings#minValidMinutesPerHour()}, {@link MeasureSettings#minValidHoursPerDay()})
 */
public record Aggregate(String channel, Period period, Instant start, Instant end, double avg, double min, double max,
                        int count, int validUnits, double increase, QualityFlag flag, boolean valid, Set<Note> notes)
        implements MeasureOutput {

    public Aggregate {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(flag, "flag");
        notes = Set.copyOf(notes);
    }
}
