package dev.lantian.agent.store;

import dev.lantian.hardware.reading.QualityFlag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Report drafts as the pipeline makes them, for store tests. */
final class Drafts {
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private Drafts() {
    }

    static List<ReportValue> values(int channels, double base) {
        List<ReportValue> out = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            out.add(new ReportValue("ch" + i, "a" + (34000 + i), "mg/m3", Double.NaN, base + i, base + i - 1,
                    base + i + 1, Double.NaN, 60, QualityFlag.N, true));
        }
        return out;
    }

    static ReportDraft minute(String device, Instant start, int channels) {
        Instant end = start.plus(Duration.ofMinutes(1));
        return new ReportDraft(device, ReportKind.MINUTE, start, end, end.minusSeconds(5), ClockQuality.SYNCED,
                values(channels, 10), null);
    }

    static ReportDraft period(String device, ReportKind kind, Instant start, Duration length) {
        Instant end = start.plus(length);
        return new ReportDraft(device, kind, start, end, end.minusSeconds(1), ClockQuality.SYNCED, values(2, 5), null);
    }

    static ReportDraft realtime(String device, Instant at, int channels) {
        List<ReportValue> v = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            v.add(ReportValue.realtime("ch" + i, "a" + (34000 + i), "mg/m3", 12.5 + i, QualityFlag.N));
        }
        return new ReportDraft(device, ReportKind.REALTIME, null, null, at, ClockQuality.SYNCED, v, null);
    }

    static ReportDraft event(String device, ReportKind kind, Instant at, String rule) {
        return new ReportDraft(device, kind, null, null, at, ClockQuality.SYNCED, List.of(),
                new ReportEvent(rule + "@" + at.toEpochMilli(), rule, "fan-1", "violation", at, null, "test"));
    }
}
