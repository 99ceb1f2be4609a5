package dev.lantian.agent.uplink;

import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.ReportDraft;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.agent.store.ReportValue;
import dev.lantian.hardware.reading.QualityFlag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Report drafts as the pipeline makes them: one minute report carrying every channel's statistics. */
final class Drafts {
    static final String DEVICE = "0123456789ABCDEF01234567";
    static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

    private Drafts() {
    }

    /** The minute report for minute {@code m} of the day, with {@code channels} channels. */
    static ReportDraft minute(int m, int channels) {
        return minute(DAY, m, channels);
    }

    /** The same for a day starting at {@code day} (a store ages reports out by their time: keep them recent there). */
    static ReportDraft minute(Instant day, int m, int channels) {
        Instant start = day.plus(Duration.ofMinutes(m));
        Instant end = start.plus(Duration.ofMinutes(1));
        List<ReportValue> values = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            double v = 10 + c + (m % 60) / 10.0;
            values.add(new ReportValue("ch" + c, "a3400" + c % 10, "mg/m3", Double.NaN, v, v - 1, v + 1, Double.NaN,
                    60, QualityFlag.N, true));
        }
        return new ReportDraft(DEVICE, ReportKind.MINUTE, start, end, end.minusSeconds(1), ClockQuality.SYNCED, values,
                null);
    }

    static List<ReportDraft> minutes(int from, int count, int channels) {
        List<ReportDraft> out = new ArrayList<>();
        for (int m = from; m < from + count; m++) {
            out.add(minute(m, channels));
        }
        return out;
    }
}
