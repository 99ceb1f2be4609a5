package dev.lantian.agent.store;

import dev.lantian.hardware.reading.QualityFlag;

import java.util.Objects;

/**
 * One channel's value in a report. For real-time reports only {@code value} is set (avg/min/max
 * NaN); for period statistics avg/min/max (and {@code increase} for counters). {@code code} is the
 * HJ 212 pollutant code when configured, else null. NaN serialises as JSON null.
 */
public record ReportValue(String channel, String code, String unit, double value, double avg, double min,
                          double max, double increase, int count, QualityFlag flag, boolean valid) {
    public ReportValue {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(flag, "flag");
    }

    public static ReportValue realtime(String channel, String code, String unit, double value, QualityFlag flag) {
        return new ReportValue(channel, code, unit, value, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1,
                flag, flag.isNormal());
    }
}
