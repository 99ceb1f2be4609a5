package dev.lantian.agent.measure;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Every calibration a channel ever had, each with the instant from which it applies, so a stored raw
 * value can be explained later: {@code value = calibrationAt(time).apply(raw)}. Before the first entry
 * values are taken as raw.
 */
public record CalibrationHistory(List<Entry> entries) {

    /** One calibration and the instant it took effect; {@code note} says who did it and with what reference. */
    public record Entry(Instant effectiveFrom, Calibration calibration, String note) {
        public Entry {
            Objects.requireNonNull(effectiveFrom, "effectiveFrom");
            Objects.requireNonNull(calibration, "calibration");
            Objects.requireNonNull(note, "note");
        }
    }

    public CalibrationHistory {
        entries = entries.stream().sorted(Comparator.comparing(Entry::effectiveFrom)).toList();
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).effectiveFrom().equals(entries.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("two calibrations take effect at " + entries.get(i).effectiveFrom());
            }
        }
    }

    public static CalibrationHistory none() {
        return new CalibrationHistory(List.of());
    }

    /** One calibration for all time (the YAML {@code calibration: {zero, span}} form). */
    public static CalibrationHistory always(Calibration calibration) {
        return new CalibrationHistory(List.of(new Entry(Instant.MIN, calibration, "configured")));
    }

    /** This history plus a calibration effective from {@code from}. */
    public CalibrationHistory with(Instant from, Calibration calibration, String note) {
        var all = new java.util.ArrayList<>(entries);
        all.add(new Entry(from, calibration, note));
        return new CalibrationHistory(all);
    }

    public Calibration calibrationAt(Instant time) {
        Calibration result = Calibration.IDENTITY;
        for (Entry e : entries) {
            if (e.effectiveFrom().isAfter(time)) {
                break;
            }
            result = e.calibration();
        }
        return result;
    }

    public double apply(Instant time, double raw) {
        return calibrationAt(time).apply(raw);
    }
}
