package dev.lantian.agent.equipment;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.OptionalDouble;
import dev.lantian.agent.equipment.MonitorSnapshot.HourMedian;

/**
 * Learns a production unit's baseline power: the median of its RUNNING power over the last
 * {@code learnDays}. Memory is bounded: only the current hour keeps raw values (at most one per
 * sample of that hour); finished hours are reduced to their median and sample count, and the baseline
 * is the count-weighted median of those hourly medians (learnDays × 24 entries at most).
 */
final class BaselineLearner {
    static final int MAX_HOUR_VALUES = 7200;
    private final Duration keep;
    private final Deque<HourMedian> hours = new ArrayDeque<>();
    private Instant currentHour;
    private final List<Double> current = new ArrayList<>();

    BaselineLearner(int learnDays) {
        this.keep = Duration.ofDays(learnDays);
    }

    void add(Instant t, double runningPower) {
        Instant hour = t.truncatedTo(ChronoUnit.HOURS);
        if (currentHour != null && !hour.equals(currentHour)) {
            roll();
        }
        currentHour = hour;
        if (current.size() < MAX_HOUR_VALUES) {
            current.add(runningPower);
        }
        Instant oldest = hour.minus(keep);
        while (!hours.isEmpty() && hours.peekFirst().hour().isBefore(oldest)) {
            hours.removeFirst();
        }
    }

    private void roll() {
        if (!current.isEmpty()) {
            double[] v = current.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            hours.addLast(new HourMedian(currentHour, median(v), v.length));
        }
        current.clear();
    }

    /** Empty until at least one hour (finished or current) has running samples. */
    OptionalDouble baseline() {
        List<HourMedian> all = new ArrayList<>(hours);
        if (!current.isEmpty()) {
            double[] v = current.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            all.add(new HourMedian(currentHour, median(v), v.length));
        }
        if (all.isEmpty()) {
            return OptionalDouble.empty();
        }
        all.sort(Comparator.comparingDouble(HourMedian::median));
        long total = all.stream().mapToLong(HourMedian::count).sum();
        long acc = 0;
        for (HourMedian h : all) {
            acc += h.count();
            if (acc * 2 >= total) {
                return OptionalDouble.of(h.median());
            }
        }
        return OptionalDouble.of(all.get(all.size() - 1).median());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The current hour goes into the snapshot as a partial hour (its median and count so far), not as
     * its raw values (up to 720 a unit at 5 s, most of a small snapshot). After a restart the rest of
     * that hour becomes a second entry for the same hour: the baseline, a count-weighted median of
     * hourly medians, barely moves.
     */
    MonitorSnapshot.Baseline snapshot() {
        List<HourMedian> all = new ArrayList<>(hours);
        if (!current.isEmpty()) {
            double[] v = current.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            all.add(new HourMedian(currentHour, median(v), v.length));
        }
        return new MonitorSnapshot.Baseline(all, null, List.of());
    }

    /** Restores a snapshot of either version (a version 1 snapshot carries the current hour's raw values). */
    void restore(MonitorSnapshot.Baseline s) {
        hours.clear();
        hours.addAll(s.hours() == null ? List.of() : s.hours());
        currentHour = s.currentHour();
        current.clear();
        current.addAll(s.current() == null ? List.of() : s.current());
    }

    int hoursKept() {
        return hours.size() + (current.isEmpty() ? 0 : 1);
    }
}
