package dev.lantian.agent.measure;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Site-level settings of the measurement stage (the lead maps {@code site.time_zone} and
 * {@code reporting.*} of the site YAML onto this record).
 *
 * @param zone                   periods (minute intervals, hours, days) are aligned to this zone's local time
 * @param minuteInterval         length of the reported "minute" statistics; one of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 min (HJ 212)
 * @param realtimeInterval       real-time value interval; must divide one hour (e.g. 30 s, 60 s)
 * @param channels               every channel the stage accepts samples for
 * @param clockStepTolerance     disagreements between the sample clock and the monotonic clock (or backward
 *                               sample times) up to this size are treated as jitter, larger ones as a clock step
 * @param minValidMinutesPerHour an hour is valid with at least this many valid one-minute values (HJ 212: 45)
 * @param minValidHoursPerDay    a day is valid with at least this many valid hourly values (HJ 212 / GB 3095: 20)
 */
public record MeasureSettings(ZoneId zone, Duration minuteInterval, Duration realtimeInterval,
                              List<ChannelSettings> channels, Duration clockStepTolerance,
                              int minValidMinutesPerHour, int minValidHoursPerDay) {

    /** The minute intervals HJ 212-2017 allows (CN=1063/1064). */
    public static final List<Integer> ALLOWED_MINUTE_INTERVALS = List.of(1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30);

    public static final Duration DEFAULT_CLOCK_STEP_TOLERANCE = Duration.ofSeconds(10);

    public MeasureSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(minuteInterval, "minuteInterval");
        Objects.requireNonNull(realtimeInterval, "realtimeInterval");
        Objects.requireNonNull(clockStepTolerance, "clockStepTolerance");
        channels = List.copyOf(channels);
        if (minuteInterval.toSeconds() % 60 != 0 || minuteInterval.toNanosPart() != 0
                || !ALLOWED_MINUTE_INTERVALS.contains((int) minuteInterval.toMinutes())) {
            throw new IllegalArgumentException("minute interval must be one of " + ALLOWED_MINUTE_INTERVALS + " minutes, not " + minuteInterval);
        }
        long rt = realtimeInterval.toSeconds();
        if (realtimeInterval.toNanosPart() != 0 || rt <= 0 || 3600 % rt != 0) {
            throw new IllegalArgumentException("real-time interval must be whole seconds dividing one hour, not " + realtimeInterval);
        }
        if (clockStepTolerance.isNegative()) {
            throw new IllegalArgumentException("clock step tolerance must not be negative");
        }
        if (minValidMinutesPerHour < 1 || minValidMinutesPerHour > 60 || minValidHoursPerDay < 1 || minValidHoursPerDay > 23) {
            throw new IllegalArgumentException("validity counts out of range: " + minValidMinutesPerHour + " minutes, " + minValidHoursPerDay + " hours");
        }
        Set<String> ids = new HashSet<>();
        for (ChannelSettings c : channels) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("duplicate channel " + c.id());
            }
        }
        List<String> problems = new ArrayList<>();
        for (ChannelSettings c : channels) {
            if (c.fog() != null && !ids.contains(c.fog().humidityChannel())) {
                problems.add(c.id() + ": fog humidity channel " + c.fog().humidityChannel() + " is not a channel");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Settings with the HJ 212 defaults for validity and a 10 s clock-step tolerance. */
    public static MeasureSettings of(ZoneId zone, Duration minuteInterval, Duration realtimeInterval, List<ChannelSettings> channels) {
        return new MeasureSettings(zone, minuteInterval, realtimeInterval, channels, DEFAULT_CLOCK_STEP_TOLERANCE, 45, 20);
    }

    public int minuteIntervalMinutes() {
        return (int) minuteInterval.toMinutes();
    }

    public Optional<ChannelSettings> channel(String id) {
        return channels.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
