package dev.lantian.agent.measure;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The calendar periods of one channel: one-minute bins feeding the reported minute interval and the
 * hour, hours feeding the day, all aligned to the site zone's local time (a DST day has 23 or 25
 * hours; an hour is always 60 minutes). Periods close in order as time passes; a period with no
 * samples still closes (flag B, invalid), so a gap is visible rather than missing.
 */
final class PeriodRoller {
    /** Beyond this jump (a board clock set from 1970 to today) empty periods are not filled in one by one. */
    private static final long MAX_FILL = Duration.ofDays(31).toNanos();
    private static final long HOUR = Duration.ofHours(1).toNanos();

    private final String channel;
    private final ZoneId zone;
    private final int intervalMinutes;
    private final int requiredPerMinute;
    private final int requiredPerInterval;
    private final int requiredPerHour;
    private final int requiredPerDay;
    private final boolean cumulative;
    private final ClockSteps steps;
    final MinuteBin minute = new MinuteBin();
    private final LevelAccumulator interval = new LevelAccumulator();
    private final LevelAccumulator hour = new LevelAccumulator();
    private final LevelAccumulator day = new LevelAccumulator();
    private boolean started;

    PeriodRoller(ChannelSettings channel, MeasureSettings site, ClockSteps steps) {
        this.channel = channel.id();
        this.zone = site.zone();
        this.intervalMinutes = site.minuteIntervalMinutes();
        this.requiredPerMinute = channel.requiredSamplesPerMinute();
        // Same share as the hour rule (45 of 60 = 75 %): 8 of 10 minutes, 4 of 5, 1 of 1.
        this.requiredPerInterval = (3 * intervalMinutes + 3) / 4;
        this.requiredPerHour = site.minValidMinutesPerHour();
        this.requiredPerDay = site.minValidHoursPerDay();
        this.cumulative = channel.cumulative();
        this.steps = steps;
    }

    boolean started() {
        return started;
    }

    /** True when {@code t} falls before the open minute: its periods were already reported. */
    boolean isLate(long t) {
        return started && t < minute.start;
    }

    void start(long t) {
        started = true;
        ZonedDateTime local = Times.toInstant(t).atZone(zone).truncatedTo(ChronoUnit.MINUTES);
        long m = Times.toNanos(local.toInstant());
        minute.open(m);
        openInterval(m);
        openHour(m);
        openDay(m);
    }

    /** Closes every period that ends at or before {@code t}. */
    void rollTo(long t, List<MeasureOutput> out) {
        if (!started) {
            return;
        }
        if (t - minute.end > MAX_FILL) {
            closeAll(out);
            start(t);
            return;
        }
        while (t >= minute.end) {
            closeMinute(out);
        }
    }

    private void closeMinute(List<MeasureOutput> out) {
        Unit u = minute.close(requiredPerMinute, cumulative, steps);
        if (intervalMinutes == 1) {
            out.add(aggregate(Period.MINUTE, u));
        } else {
            interval.add(u);
        }
        hour.add(u);
        long next = minute.end;
        minute.open(next);
        if (intervalMinutes > 1 && next >= interval.end) {
            out.add(aggregate(Period.MINUTE, interval.close(requiredPerInterval, cumulative, steps)));
            openInterval(next);
        }
        if (next >= hour.end) {
            Unit h = hour.close(requiredPerHour, cumulative, steps);
            out.add(aggregate(Period.HOUR, h));
            day.add(h);
            openHour(next);
        }
        if (next >= day.end) {
            out.add(aggregate(Period.DAY, day.close(requiredPerDay, cumulative, steps)));
            openDay(next);
        }
    }

    /** Reports the open periods as they are (used when time jumps too far to fill the gap). */
    private void closeAll(List<MeasureOutput> out) {
        Unit u = minute.close(requiredPerMinute, cumulative, steps);
        hour.add(u);
        if (intervalMinutes == 1) {
            out.add(aggregate(Period.MINUTE, u));
        } else {
            interval.add(u);
            out.add(aggregate(Period.MINUTE, interval.close(requiredPerInterval, cumulative, steps)));
        }
        Unit h = hour.close(requiredPerHour, cumulative, steps);
        out.add(aggregate(Period.HOUR, h));
        day.add(h);
        out.add(aggregate(Period.DAY, day.close(requiredPerDay, cumulative, steps)));
    }

    private void openInterval(long m) {
        long hourStart = hourStart(m);
        long minuteOfHour = (m - hourStart) / Times.NANOS_PER_MINUTE;
        long s = hourStart + (minuteOfHour / intervalMinutes) * intervalMinutes * Times.NANOS_PER_MINUTE;
        interval.open(s, s + intervalMinutes * Times.NANOS_PER_MINUTE);
    }

    private void openHour(long m) {
        long s = hourStart(m);
        hour.open(s, s + HOUR);
    }

    private void openDay(long m) {
        var date = Times.toInstant(m).atZone(zone).toLocalDate();
        day.open(Times.toNanos(date.atStartOfDay(zone).toInstant()), Times.toNanos(date.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private long hourStart(long t) {
        return Times.toNanos(Times.toInstant(t).atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant());
    }

    private Aggregate aggregate(Period period, Unit u) {
        return new Aggregate(channel, period, Times.toInstant(u.start()), Times.toInstant(u.end()), u.avg(), u.min(), u.max(),
                u.count(), u.validUnits(), u.increase(), u.flag(), u.valid(), Note.fromBits(u.notes()));
    }
}
