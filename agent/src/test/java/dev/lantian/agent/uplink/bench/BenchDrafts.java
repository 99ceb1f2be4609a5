package dev.lantian.agent.uplink.bench;

import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.ReportDraft;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.agent.store.ReportValue;
import dev.lantian.hardware.reading.QualityFlag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Minute reports of {@code channels} channels, as the pipeline makes them. */
final class BenchDrafts {
    // recent times: a store deletes reports older than max_age_days, sent or not
    private static final Instant START = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
            .minus(Duration.ofDays(30));

    private BenchDrafts() {
    }

    static ReportDraft minute(String device, int m, int channels) {
        Instant start = START.plus(Duration.ofMinutes(m));
        List<ReportValue> values = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            double v = 10 + c + (m % 60) / 10.0;
            values.add(new ReportValue("ch" + c, null, "mg/m3", Double.NaN, v, v - 1, v + 1, Double.NaN, 60,
                    QualityFlag.N, true));
        }
        return new ReportDraft(device, ReportKind.MINUTE, start, start.plusSeconds(60), start.plusSeconds(59),
                ClockQuality.SYNCED, values, null);
    }
}
