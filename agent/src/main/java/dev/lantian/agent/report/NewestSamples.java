package dev.lantian.agent.report;

import dev.lantian.agent.measure.Period;
import dev.lantian.agent.model.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers, per channel and per statistic level, the acquisition time of the newest sample with a
 * value in the current and in the previous period. A period is reported when the next one has begun
 * (a later sample closed it, or the stage was flushed past its end), so two slots are enough: the
 * report's {@code acquiredAt} is found without keeping every sample time.
 */
final class NewestSamples {
    private final ZoneRules rules;
    private final long minuteSeconds;
    private final Map<String, Slot[]> channels = new HashMap<>();

    private static final class Slot {
        long start = Long.MIN_VALUE;
        Instant newest;
        long previousStart = Long.MIN_VALUE;
        Instant previousNewest;
    }

    NewestSamples(ZoneId zone, Duration minuteInterval) {
        this.rules = zone.getRules();
        this.minuteSeconds = minuteInterval.getSeconds();
    }

    void seen(Sample s) {
        if (!s.hasValue()) {
            return;
        }
        Slot[] slots = channels.computeIfAbsent(s.channel(), c -> new Slot[] {new Slot(), new Slot(), new Slot()});
        for (Period p : Period.values()) {
            Slot slot = slots[p.ordinal()];
            long start = periodKey(p, s.time());
            if (start == slot.start) {
                if (s.time().isAfter(slot.newest)) {
                    slot.newest = s.time();
                }
            } else if (start > slot.start) {
                slot.previousStart = slot.start;
                slot.previousNewest = slot.newest;
                slot.start = start;
                slot.newest = s.time();
            } else if (start == slot.previousStart && s.time().isAfter(slot.previousNewest)) {
                slot.previousNewest = s.time();
            }
        }
    }

    /** The newest sample of {@code channel} inside the period of level {@code p} starting at {@code start}. */
    Optional<Instant> newest(String channel, Period p, Instant start) {
        Slot[] slots = channels.get(channel);
        if (slots == null) {
            return Optional.empty();
        }
        Slot slot = slots[p.ordinal()];
        long key = periodKey(p, start);
        if (key == slot.start) {
            return Optional.ofNullable(slot.newest);
        }
        if (key == slot.previousStart) {
            return Optional.ofNullable(slot.previousNewest);
        }
        return Optional.empty();
    }

    /** The period's start in site-local seconds (periods are aligned in the site's zone). */
    private long periodKey(Period p, Instant t) {
        long local = t.getEpochSecond() + rules.getOffset(t).getTotalSeconds();
        long length = switch (p) {
            case MINUTE -> minuteSeconds;
            case HOUR -> 3600;
            case DAY -> 86400;
        };
        return Math.floorDiv(local, length) * length;
    }
}
