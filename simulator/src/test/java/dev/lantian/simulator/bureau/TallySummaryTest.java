package dev.lantian.simulator.bureau;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TallySummaryTest {

    @Test
    void theSummaryListsEveryDeviceEventAndReasonInAlignedColumns() {
        BureauLedger ledger = new BureauLedger("lantian");
        ledger.accept("lantian/ent1/board-long-name/minute", Reports.json(Reports.minute("board-long-name", 1)), Reports.T0);
        ledger.accept("lantian/ent1/b2/minute", Reports.json(Reports.minute("b2", 7)), Reports.T0);
        ledger.accept("lantian/ent1/b2/minute", Reports.json(Reports.minute("b2", 10)), Reports.T0);
        ledger.accept("lantian/ent1/b2/event", Reports.json(Reports.event("b2", 11, "e1", "staggered.running", "kiln",
                Reports.T0, null)), Reports.T0);
        ledger.accept("lantian/ent1/b2/minute", "garbage".getBytes(), Reports.T0);

        String text = TallySummary.render(ledger.snapshot());

        List<String> lines = Arrays.asList(text.split("\n"));
        String header = lines.stream().filter(l -> l.startsWith("enterprise")).findFirst().orElseThrow();
        String b1 = lines.stream().filter(l -> l.contains("board-long-name")).findFirst().orElseThrow();
        String b2 = lines.stream().filter(l -> l.startsWith("ent1") && l.contains(" b2 ")).findFirst().orElseThrow();
        int gapsEnd = header.indexOf("gaps") + "gaps".length();
        assertThat(b1.substring(0, gapsEnd)).endsWith(" 0");
        assertThat(b2.substring(0, gapsEnd)).endsWith(" 2");
        assertThat(b2).endsWith("8-9");
        assertThat(text).contains("staggered.running").contains("open").contains("not JSON");
        assertThat(text).contains("received 5 · gaps 2 · dups 0 · invalid 1 · events 1");
    }
}
