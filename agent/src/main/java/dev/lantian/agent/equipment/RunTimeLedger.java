package dev.lantian.agent.equipment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run time (RUNNING or LOW_LOAD) per unit per site-local day, fed with settled state changes, for the
 * HJ 212 daily run time (SBn-RT). Keeps {@link #KEEP_DAYS} days.
 */
final class RunTimeLedger {
    static final int KEEP_DAYS = 62;
    private final ZoneId zone;
    private final Map<String, TreeMap<LocalDate, Long>> millis = new HashMap<>();
    private final Map<String, Instant> runningSince = new HashMap<>();

    RunTimeLedger(ZoneId zone) {
        this.zone = zone;
    }

    void onChange(StateChange c) {
        Instant since = runningSince.remove(c.equipment());
        if (since != null) {
            add(c.equipment(), since, c.time());
        }
        if (c.to().isRunning()) {
            runningSince.put(c.equipment(), c.time());
        }
    }

    /** Hours the unit ran on {@code day}, counting a run still going on up to {@code asOf}. */
    double hours(String equipment, LocalDate day, Instant asOf) {
        long ms = millis.getOrDefault(equipment, new TreeMap<>()).getOrDefault(day, 0L);
        Instant since = runningSince.get(equipment);
        if (since != null && asOf.isAfter(since)) {
            Instant dayStart = day.atStartOfDay(zone).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            Instant a = since.isAfter(dayStart) ? since : dayStart;
            Instant b = asOf.isBefore(dayEnd) ? asOf : dayEnd;
            if (b.isAfter(a)) {
                ms += Duration.between(a, b).toMillis();
            }
        }
        return ms / 3_600_000.0;
    }

    private void add(String eq, Instant from, Instant to) {
        TreeMap<LocalDate, Long> days = millis.computeIfAbsent(eq, k -> new TreeMap<>());
        Instant a = from;
        while (a.isBefore(to)) {
            LocalDate day = a.atZone(zone).toLocalDate();
            Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            Instant b = to.isBefore(dayEnd) ? to : dayEnd;
            days.merge(day, Duration.between(a, b).toMillis(), Long::sum);
            a = b;
        }
        while (days.size() > KEEP_DAYS) {
            days.pollFirstEntry();
        }
    }

    Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> m = new HashMap<>();
        millis.forEach((eq, days) -> {
            Map<String, Long> d = new TreeMap<>();
            days.forEach((k, v) -> d.put(k.toString(), v));
            m.put(eq, d);
        });
        return m;
    }

    Map<String, Instant> runningSince() {
        return Map.copyOf(runningSince);
    }

    void restore(Map<String, Map<String, Long>> m, Map<String, Instant> since) {
        m.forEach((eq, days) -> {
            TreeMap<LocalDate, Long> d = new TreeMap<>();
            days.forEach((k, v) -> d.put(LocalDate.parse(k), v));
            millis.put(eq, d);
        });
        runningSince.putAll(since);
    }
}
