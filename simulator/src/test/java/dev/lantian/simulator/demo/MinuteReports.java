package dev.lantian.simulator.demo;

import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.agent.store.ReportValue;
import dev.lantian.hardware.reading.QualityFlag;

import java.time.Instant;
import java.util.List;

/** Well-formed minute reports for broker tests. */
final class MinuteReports {
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private MinuteReports() {
    }

    static Report minute(String device, long seq) {
        Instant start = T0.plusSeconds(60 * seq);
        return new Report(device, seq, ReportKind.MINUTE, start, start.plusSeconds(60), start.plusSeconds(61),
                start.plusSeconds(59), ClockQuality.SYNCED,
                List.of(new ReportValue("pm10", null, "ug/m3", Double.NaN, 40, 30, 50, Double.NaN, 12, QualityFlag.N, true)),
                null, false);
    }
}
