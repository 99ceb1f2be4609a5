package dev.lantian.simulator.bureau;

import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportEvent;
import dev.lantian.agent.store.ReportJson;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.agent.store.ReportValue;
import dev.lantian.hardware.reading.QualityFlag;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Payloads as a board writes them, for feeding the ledger directly. */
final class Reports {
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private Reports() {
    }

    static Report minute(String device, long seq) {
        Instant start = T0.plusSeconds(60 * seq);
        return new Report(device, seq, ReportKind.MINUTE, start, start.plusSeconds(60), start.plusSeconds(61),
                start.plusSeconds(59), ClockQuality.SYNCED,
                List.of(new ReportValue("pm10", "a34002", "ug/m3", Double.NaN, 41.5, 30, 55, Double.NaN, 12,
                        QualityFlag.N, true)), null, false);
    }

    static Report event(String device, long seq, String id, String rule, String subject, Instant start, Instant end) {
        Instant at = end == null ? start : end;
        return new Report(device, seq, ReportKind.EVENT, null, null, at.plusSeconds(1), at, ClockQuality.SYNCED,
                List.of(), new ReportEvent(id, rule, subject, "violation", start, end, "scripted"), false);
    }

    static byte[] json(Report r) {
        return ReportJson.write(r).getBytes(StandardCharsets.UTF_8);
    }

    static String topic(Report r) {
        return "lantian/ent1/" + r.device() + "/" + r.kind().topic();
    }
}
