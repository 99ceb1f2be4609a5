package dev.lantian.simulator.bureau;

import dev.lantian.agent.store.Report;
import dev.lantian.simulator.bureau.BureauLedger.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.lantian.simulator.bureau.Reports.T0;
import static dev.lantian.simulator.bureau.Reports.json;
import static dev.lantian.simulator.bureau.Reports.minute;
import static dev.lantian.simulator.bureau.Reports.topic;
import static org.assertj.core.api.Assertions.assertThat;

class BureauLedgerTest {
    private static final ReportSchema SCHEMA = ReportSchema.published();
    private final List<BureauLedger.Arrival> arrivals = new ArrayList<>();
    private final BureauLedger ledger = new BureauLedger("lantian", SCHEMA, arrivals::add);

    private Verdict feed(Report r) {
        return ledger.accept(topic(r), json(r), T0);
    }

    private Verdict feedText(String topic, String payload) {
        return ledger.accept(topic, payload.getBytes(StandardCharsets.UTF_8), T0);
    }

    @Test
    void reportsWrittenByTheBoardPassThePublishedSchema() {
        assertThat(feed(minute("b1", 1))).isEqualTo(Verdict.ACCEPTED);
        assertThat(feed(Reports.event("b1", 2, "e1", "linkage.treatment-not-running", "fan1", T0, null)))
                .isEqualTo(Verdict.ACCEPTED);
        BureauTally t = ledger.snapshot();
        assertThat(t.accepted()).isEqualTo(2);
        assertThat(t.invalid()).isZero();
        assertThat(arrivals).extracting(a -> a.report().sequence()).containsExactly(1L, 2L);
    }

    @Test
    void aMissingSequenceIsAGapUntilItArrivesLate() {
        feed(minute("b1", 1));
        feed(minute("b1", 2));
        feed(minute("b1", 5));
        assertThat(ledger.snapshot().gaps()).isEqualTo(2);
        assertThat(ledger.snapshot().device("b1").orElseThrow().holes()).isEqualTo("3-4");
        feed(minute("b1", 4));
        feed(minute("b1", 3));
        BureauTally t = ledger.snapshot();
        assertThat(t.gaps()).isZero();
        assertThat(t.device("b1").orElseThrow().last()).isEqualTo(5);
    }

    @Test
    void aRepeatedSequenceIsADuplicateButAResentCopyIsNot() {
        feed(minute("b1", 1));
        feed(minute("b1", 2));
        assertThat(feed(minute("b1", 2))).isEqualTo(Verdict.DUPLICATE);
        assertThat(feed(minute("b1", 1).asResent())).isEqualTo(Verdict.RESENT);
        BureauTally t = ledger.snapshot();
        assertThat(t.duplicates()).isEqualTo(1);
        assertThat(t.resent()).isEqualTo(1);
        assertThat(t.accepted()).isEqualTo(2);
        assertThat(t.received()).isEqualTo(4);
        assertThat(t.device("b1").orElseThrow().byKind()).containsEntry("minute", 2L);
    }

    @Test
    void aResentReportFillsTheGapItWasRequestedFor() {
        feed(minute("b1", 1));
        feed(minute("b1", 3));
        assertThat(feed(minute("b1", 2).asResent())).isEqualTo(Verdict.RESENT);
        assertThat(ledger.snapshot().gaps()).isZero();
        assertThat(ledger.snapshot().duplicates()).isZero();
    }

    @Test
    void sequencesAreCountedPerDevice() {
        feed(minute("b1", 1));
        feed(minute("b2", 1));
        feed(minute("b2", 3));
        BureauTally t = ledger.snapshot();
        assertThat(t.duplicates()).isZero();
        assertThat(t.device("b1").orElseThrow().gaps()).isZero();
        assertThat(t.device("b2").orElseThrow().gaps()).isEqualTo(1);
    }

    @Test
    void hostilePayloadsAreCountedWithReasonsAndLoseNothingAccepted() {
        feed(minute("b1", 1));
        String good = new String(json(minute("b1", 2)), StandardCharsets.UTF_8);
        String t = "lantian/ent1/b1/minute";
        assertThat(ledger.accept(t, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}, T0)).isEqualTo(Verdict.INVALID);
        assertThat(feedText(t, "{\"format\":1,")).isEqualTo(Verdict.INVALID);
        assertThat(feedText(t, "[1,2,3]")).isEqualTo(Verdict.INVALID);
        assertThat(feedText(t, "")).isEqualTo(Verdict.INVALID);
        assertThat(feedText(t, good.replace("\"sequence\":2", "\"sequence\":\"2\""))).isEqualTo(Verdict.INVALID);
        assertThat(feedText(t, good.replace("\"sequence\":2", "\"sequence\":0"))).isEqualTo(Verdict.INVALID);
        assertThat(feedText(t, good.replace("\"flag\":\"N\"", "\"flag\":\"X\""))).isEqualTo(Verdict.INVALID);
        assertThat(feedText(t, good.replace("\"clock\":\"synced\"", "\"clock\":\"ok\",\"extra\":1")))
                .isEqualTo(Verdict.INVALID);
        assertThat(feedText(t, good.replace("2026-12-01T08:03:00Z", "yesterday"))).isEqualTo(Verdict.INVALID);
        assertThat(feedText(t, good.replaceAll(",\"period_start\":\"[^\"]+\"", ""))).isEqualTo(Verdict.INVALID);
        assertThat(ledger.accept(t, new byte[ReportSchema.MAX_PAYLOAD_BYTES + 1], T0)).isEqualTo(Verdict.INVALID);

        BureauTally tally = ledger.snapshot();
        assertThat(tally.invalid()).isEqualTo(11);
        assertThat(tally.accepted()).isEqualTo(1);
        assertThat(tally.gaps()).isZero();
        assertThat(tally.invalidReasons()).containsKeys("not UTF-8", "not JSON", "empty payload");
        assertThat(tally.invalidReasons().keySet())
                .anyMatch(r -> r.contains("sequence") && r.contains("integer"))
                .anyMatch(r -> r.contains("flag"))
                .anyMatch(r -> r.contains("extra"))
                .anyMatch(r -> r.contains("period_start"));
        assertThat(feedText(t, good)).isEqualTo(Verdict.ACCEPTED);
        assertThat(ledger.snapshot().accepted()).isEqualTo(2);
    }

    @Test
    void aPayloadWhoseKindDiffersFromItsTopicIsInvalid() {
        Report r = minute("b1", 1);
        assertThat(ledger.accept("lantian/ent1/b1/hour", json(r), T0)).isEqualTo(Verdict.INVALID);
        assertThat(ledger.accept("lantian/ent1/b9/minute", json(r), T0)).isEqualTo(Verdict.INVALID);
        BureauTally t = ledger.snapshot();
        assertThat(t.accepted()).isZero();
        assertThat(t.invalidReasons()).containsKeys("payload kind 'minute' on topic kind 'hour'",
                "payload device differs from topic device");
    }

    @Test
    void openAndCloseReportsOfOneEventAreTalliedAsOneEventWithStartAndEnd() {
        Instant start = T0.plusSeconds(600);
        Instant end = T0.plusSeconds(1500);
        feed(Reports.event("b1", 1, "e1", "linkage.treatment-not-running", "fan1", start, null));
        assertThat(ledger.snapshot().events()).singleElement().satisfies(e -> assertThat(e.end()).isNull());
        feed(Reports.event("b1", 2, "e1", "linkage.treatment-not-running", "fan1", start, end));
        feed(Reports.event("b1", 3, "e2", "tamper.meter-lost", "press", end, null));
        BureauTally t = ledger.snapshot();
        assertThat(t.events()).hasSize(2);
        assertThat(t.events("linkage.treatment-not-running", "fan1")).singleElement().satisfies(e -> {
            assertThat(e.start()).isEqualTo(start);
            assertThat(e.end()).isEqualTo(end);
            assertThat(e.reports()).isEqualTo(2);
        });
        assertThat(t.statusLine()).isEqualTo("received 3 · gaps 0 · dups 0 · invalid 0 · events 2");
    }

    @Test
    void stateAndReplyTopicsAreBookedApartFromReports() {
        feedText("lantian/ent1/b1/state", "online");
        feedText("lantian/ent1/b1/reply", "{\"ok\":true}");
        assertThat(feedText("lantian/ent1/b1/cmd", "x")).isEqualTo(Verdict.IGNORED);
        assertThat(feedText("other/ent1/b1/minute", "x")).isEqualTo(Verdict.IGNORED);
        assertThat(feedText("lantian/b1/minute", "x")).isEqualTo(Verdict.IGNORED);
        feedText("lantian/ent1/b1/state", "offline");
        BureauTally t = ledger.snapshot();
        assertThat(t.device("b1").orElseThrow().state()).isEqualTo("offline");
        feedText("lantian/ent1/b1/state", "{\"state\":\"online\",\"device\":\"b1\",\"version\":\"0.1\"}");
        assertThat(ledger.snapshot().device("b1").orElseThrow().state()).isEqualTo("online");
        feedText("lantian/ent1/b1/state", "{broken");
        assertThat(ledger.snapshot().device("b1").orElseThrow().state()).isEqualTo("?");
        assertThat(t.replies()).isEqualTo(1);
        assertThat(t.ignored()).isEqualTo(3);
        assertThat(t.received()).isZero();
    }
}
