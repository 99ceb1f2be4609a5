package dev.lantian.agent.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MonitorCsvTest {

    @Test
    void eventsAreWrittenOncePerEventWithOffsetTimesAndAnEmptyEndWhenOpen() throws Exception {
        Plant plant = Plant.bagFilter("07:00");
        plant.at("08:00").power("line1", 60).at("08:10").power("bag-filter", 30).at("08:20")
                .power("bag-filter", 0).at("08:25");
        StringWriter w = new StringWriter();
        new MonitorCsv(BagFilterPlant.ZONE).writeEvents(w, plant.notices);

        String[] lines = w.toString().split("\n");
        assertThat(lines[0]).isEqualTo("rule,equipment,start,end,severity,detail");
        assertThat(lines).contains(
                "linkage.treatment-late-start,bag-filter,2026-11-10T07:57:00+08:00,2026-11-10T08:10:00+08:00,WARNING,"
                        + "bag-filter not running PT3M before line1 started at 2026-11-10T08:00:00+08:00",
                "linkage.treatment-not-running,bag-filter,2026-11-10T08:02:00+08:00,2026-11-10T08:10:00+08:00,ALARM,"
                        + "bag-filter OFF while line1 runs (grace PT2M)",
                "linkage.treatment-not-running,bag-filter,2026-11-10T08:22:00+08:00,,ALARM,"
                        + "bag-filter OFF while line1 runs (grace PT2M)");
        assertThat(lines).hasSize(4);
    }

    @Test
    void statesAreOneRowPerChange() throws Exception {
        StringWriter w = new StringWriter();
        MonitorCsv csv = new MonitorCsv(BagFilterPlant.ZONE);
        csv.writeStatesHeader(w);
        csv.writeState(w, new StateChange("line1", java.time.Instant.parse("2026-11-10T00:00:00Z"), EquipmentState.OFF,
                EquipmentState.RUNNING));
        assertThat(w.toString()).isEqualTo("equipment,time,state\nline1,2026-11-10T08:00:00+08:00,RUNNING\n");
    }

    @Test
    void fieldsWithCommasOrQuotesAreQuoted() {
        assertThat(MonitorCsv.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(MonitorCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(MonitorCsv.quote("plain")).isEqualTo("plain");
    }
}
