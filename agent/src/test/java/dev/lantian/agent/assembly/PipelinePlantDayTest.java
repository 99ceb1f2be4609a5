package dev.lantian.agent.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.agent.equipment.AlertLevel;
import dev.lantian.agent.equipment.EmergencyNonCompliance;
import dev.lantian.agent.equipment.LinkageViolation;
import dev.lantian.agent.measure.Aggregate;
import dev.lantian.agent.measure.MeasureOutput;
import dev.lantian.agent.measure.MeasurementStage;
import dev.lantian.agent.measure.Period;
import dev.lantian.agent.measure.RealtimeValue;
import dev.lantian.agent.model.Sample;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.agent.store.ReportValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A plant morning and the rest of its day through the pipeline: what the bureau receives. */
class PipelinePlantDayTest {
    private static PlantDay day;
    private static List<Aggregate> expected;
    private static List<RealtimeValue> expectedRealtime;

    @BeforeAll
    static void runTheDay() throws Exception {
        day = new PlantDay().runDay();
        // the same samples through a stage of its own, flushed once at the end: what the reports must carry
        MeasurementStage stage = new MeasurementStage(StageSettings.measure(day.config));
        List<MeasureOutput> out = new ArrayList<>();
        PlantDay.samples().values().forEach(batch -> batch.forEach(s -> out.addAll(stage.accept(s))));
        out.addAll(stage.flush(PlantDay.DAY_END));
        expected = out.stream().filter(Aggregate.class::isInstance).map(Aggregate.class::cast).toList();
        expectedRealtime = out.stream().filter(RealtimeValue.class::isInstance).map(RealtimeValue.class::cast).toList();
    }

    @Test
    void everyPeriodIsOneReportWithEveryChannelsAggregate() {
        Map<String, List<Aggregate>> byPeriod = expected.stream()
                .collect(Collectors.groupingBy(a -> a.period() + "@" + a.start()));
        for (ReportKind kind : List.of(ReportKind.MINUTE, ReportKind.HOUR, ReportKind.DAY)) {
            Period period = Period.valueOf(kind.name());
            List<Report> reports = day.reports(kind);
            assertThat(reports).as(kind + " reports")
                    .hasSize((int) byPeriod.keySet().stream().filter(k -> k.startsWith(period + "@")).count());
            for (Report r : reports) {
                List<Aggregate> aggregates = byPeriod.get(period + "@" + r.periodStart());
                assertThat(aggregates).as(kind + " " + r.periodStart()).isNotNull();
                assertThat(r.periodEnd()).isEqualTo(aggregates.get(0).end());
                // channels never heard of (no sample at all) have no aggregates and so no value
                assertThat(r.values()).hasSameSizeAs(aggregates);
                Map<String, ReportValue> values = r.values().stream().collect(Collectors.toMap(ReportValue::channel, v -> v));
                for (Aggregate a : aggregates) {
                    ReportValue v = values.get(a.channel());
                    assertThat(Double.valueOf(v.avg())).as(a.toString()).isEqualTo(Double.valueOf(a.avg()));
                    assertThat(Double.valueOf(v.min())).isEqualTo(Double.valueOf(a.min()));
                    assertThat(Double.valueOf(v.max())).isEqualTo(Double.valueOf(a.max()));
                    assertThat(Double.valueOf(v.increase())).isEqualTo(Double.valueOf(a.increase()));
                    assertThat(v.count()).isEqualTo(a.count());
                    assertThat(v.flag()).isEqualTo(a.flag());
                    assertThat(v.valid()).isEqualTo(a.valid());
                }
            }
        }
        assertThat(day.reports(ReportKind.DAY)).singleElement()
                .satisfies(r -> assertThat(r.periodStart()).isEqualTo(PlantDay.at("00:00")));
    }

    @Test
    void theHourCarriesCodesUnitsAndTheKnownAverage() {
        Report nine = day.reports(ReportKind.HOUR).stream().filter(r -> r.periodStart().equals(PlantDay.at("09:00")))
                .findFirst().orElseThrow();
        ReportValue line1 = value(nine, "line1-power");
        // 120 samples off at 0.2 kW, 600 running at 60 kW +- a 0.8 kW ripple (as the replay test reads it)
        assertThat(line1.avg()).isCloseTo(50.032, within(0.0005));
        assertThat(line1.count()).isEqualTo(720);
        assertThat(line1.unit()).isEqualTo("kW");
        assertThat(line1.code()).isNull();
        assertThat(value(nine, "filter-power").code()).isEqualTo("i33200");
        assertThat(value(nine, "stockpile-pm10").code()).isEqualTo("a34002");
        assertThat(value(nine, "stockpile-pm10").unit()).isEqualTo("ug/m3");
    }

    @Test
    void acquiredAtIsTheNewestContributingSampleNotTheSendTime() {
        Report first = day.reports(ReportKind.MINUTE).stream().filter(r -> r.periodStart().equals(PlantDay.at("09:00")))
                .findFirst().orElseThrow();
        assertThat(first.acquiredAt()).isEqualTo(PlantDay.at("09:09:55"));
        // judged 10 s (the flush lag) after the period ended, at the first tick past that
        assertThat(first.generatedAt()).isEqualTo(PlantDay.at("09:10:13"));
        Report lastHour = day.reports(ReportKind.HOUR).stream().filter(r -> r.periodStart().equals(PlantDay.at("10:00")))
                .findFirst().orElseThrow();
        assertThat(lastHour.acquiredAt()).isEqualTo(PlantDay.at("10:59:55"));
        assertThat(day.reports(ReportKind.DAY).get(0).acquiredAt()).isEqualTo(PlantDay.at("10:59:55"));
        // the store stamps generatedAt 3 s after the pipeline's time: no report may carry that instead
        for (Report r : day.reports()) {
            boolean heartbeat = r.event() != null && r.event().rule().equals("heartbeat");
            if (!heartbeat) {
                assertThat(r.acquiredAt()).as(r.toString()).isBefore(r.generatedAt().minusSeconds(2));
            }
        }
    }

    @Test
    void oneRealtimeReportPerTickWithTheLatestValueAndItsAcquisitionTime() {
        List<Report> realtime = day.reports(ReportKind.REALTIME);
        // a minute tick from 09:01 to 24:00, also after the samples stopped (then without values: NaN, B)
        assertThat(realtime).hasSize(15 * 60);
        assertThat(realtime.get(realtime.size() - 1).acquiredAt()).isEqualTo(PlantDay.DAY_END);
        assertThat(realtime.get(realtime.size() - 1).values()).allSatisfy(v -> {
            assertThat(v.value()).isNaN();
            assertThat(v.flag()).isEqualTo(dev.lantian.hardware.reading.QualityFlag.B);
        });
        // while samples came, the stage emitted its ticks as samples passed them: the same values
        java.util.TreeMap<Instant, List<RealtimeValue>> ticks = expectedRealtime.stream()
                .collect(Collectors.groupingBy(RealtimeValue::tick, java.util.TreeMap::new, Collectors.toList()));
        int i = 0;
        for (List<RealtimeValue> tick : ticks.headMap(PlantDay.at("11:00:01")).values()) {
            Report r = realtime.get(i++);
            assertThat(r.values()).hasSameSizeAs(tick);
            for (RealtimeValue v : tick) {
                assertThat(value(r, v.channel()).value()).isEqualTo(v.value());
                assertThat(value(r, v.channel()).flag()).isEqualTo(v.flag());
            }
        }
        Report at0930 = realtime.stream().filter(r -> r.acquiredAt().equals(PlantDay.at("09:29:55"))).findFirst().orElseThrow();
        Sample line1 = PlantDay.samples().get(PlantDay.at("09:29:55")).stream()
                .filter(s -> s.channel().equals("line1-power")).findFirst().orElseThrow();
        assertThat(value(at0930, "line1-power").value()).isEqualTo(line1.value());
    }

    @Test
    void theFilterStopIsOneEventOpenedAndClosedUnderOneId() {
        List<Report> linkage = day.reports(ReportKind.EVENT).stream()
                .filter(r -> r.event().rule().equals(LinkageViolation.NOT_RUNNING)).toList();
        assertThat(linkage).hasSize(2);
        assertThat(linkage).allSatisfy(r -> {
            assertThat(r.event().subject()).isEqualTo("bag-filter");
            assertThat(r.event().start()).isEqualTo(PlantDay.at("10:02"));
            assertThat(r.event().severity()).isEqualTo("violation");
        });
        assertThat(linkage.get(0).event().id()).isEqualTo(linkage.get(1).event().id());
        assertThat(linkage.get(0).event().end()).isNull();
        assertThat(linkage.get(1).event().end()).isEqualTo(PlantDay.at("10:20"));
        assertThat(linkage.get(0).acquiredAt()).isEqualTo(PlantDay.at("10:02"));
        assertThat(linkage.get(1).acquiredAt()).isEqualTo(PlantDay.at("10:20"));
        assertThat(day.reports(ReportKind.STATUS).stream().filter(r -> r.event().rule().equals("state"))
                .map(r -> r.event().subject() + " " + r.event().detail() + " " + r.acquiredAt()))
                .contains("bag-filter RUNNING -> OFF " + PlantDay.at("10:00"), "bag-filter OFF -> RUNNING " + PlantDay.at("10:20"));
    }

    @Test
    void theStockpileExceedanceIsRaisedAndClearedUnderOneId() {
        List<Report> alarms = day.reports(ReportKind.ALARM);
        assertThat(alarms).hasSize(2);
        assertThat(alarms).allSatisfy(r -> {
            assertThat(r.event().rule()).isEqualTo("limit");
            assertThat(r.event().subject()).isEqualTo("stockpile-pm10");
            assertThat(r.event().start()).isEqualTo(PlantDay.at("09:30"));
            assertThat(r.event().detail()).contains("stockpile-pm10-high");
        });
        assertThat(alarms.get(0).event().id()).isEqualTo(alarms.get(1).event().id());
        assertThat(alarms.get(0).event().end()).isNull();
        // raised by the sample that completed the 5 min minimum duration; cleared by the first one below 130
        assertThat(alarms.get(0).acquiredAt()).isEqualTo(PlantDay.at("09:35"));
        assertThat(alarms.get(1).event().end()).isEqualTo(PlantDay.at("09:45"));
        assertThat(alarms.get(1).acquiredAt()).isEqualTo(PlantDay.at("09:45"));
        assertThat(alarms.get(1).values()).singleElement().satisfies(v -> assertThat(v.value()).isEqualTo(200.0));
    }

    @Test
    void sequenceNumbersStrictlyIncreaseAndEveryAppendWakesTheUplink() {
        List<Report> all = day.reports();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).sequence()).isGreaterThan(all.get(i - 1).sequence());
        }
        assertThat(all).allSatisfy(r -> assertThat(r.device()).isEqualTo("010000A8900016F000169DC0"));
        assertThat(day.uplink.wakes.get()).isPositive().isLessThanOrEqualTo(all.size());
        assertThat(day.stored).hasSize(PlantDay.samples().values().stream().mapToInt(List::size).sum());
    }

    @Test
    void aHeartbeatEveryFiveMinutesCarriesTheCounters() {
        List<Report> beats = day.reports(ReportKind.STATUS).stream().filter(r -> r.event().rule().equals("heartbeat")).toList();
        assertThat(beats.get(0).acquiredAt()).isEqualTo(PlantDay.START);
        for (int i = 1; i < beats.size(); i++) {
            assertThat(java.time.Duration.between(beats.get(i - 1).acquiredAt(), beats.get(i).acquiredAt()))
                    .isGreaterThanOrEqualTo(java.time.Duration.ofMinutes(5)).isLessThan(java.time.Duration.ofMinutes(6));
        }
        Report afterSamples = beats.stream().filter(r -> r.acquiredAt().isAfter(PlantDay.at("11:00"))).findFirst().orElseThrow();
        assertThat(value(afterSamples, "agent.samples").value()).isEqualTo(day.stored.size());
        assertThat(afterSamples.event().detail()).contains("recording", "disconnected");
    }

    @Test
    void aBureauAlertLevelReachesTheMonitorAndARunningLineIsNonCompliant() throws Exception {
        PlantDay alert = new PlantDay().runUntil(PlantDay.at("09:20"));
        alert.pipeline.setAlertLevel(AlertLevel.RED, PlantDay.at("09:20"));
        alert.runUntil(PlantDay.at("10:00"));

        assertThat(alert.pipeline.view().monitor().alertLevel()).isEqualTo(AlertLevel.RED);
        List<Report> stop = alert.reports(ReportKind.EVENT).stream()
                .filter(r -> r.event().rule().equals(EmergencyNonCompliance.STOP)).toList();
        // line 1 must stop within the 15 min compliance window and keeps running; line 2 is off already
        assertThat(stop).singleElement().satisfies(r -> {
            assertThat(r.event().subject()).isEqualTo("line1");
            assertThat(r.event().start()).isEqualTo(PlantDay.at("09:35"));
            assertThat(r.event().detail()).contains("BUREAU");
        });
    }

    private static ReportValue value(Report r, String channel) {
        return r.values().stream().filter(v -> v.channel().equals(channel)).findFirst().orElseThrow();
    }

}
