package dev.lantian.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.equipment.EventCore;
import dev.lantian.agent.equipment.EventNotice;
import dev.lantian.agent.equipment.Evidence;
import dev.lantian.agent.equipment.LinkageViolation;
import dev.lantian.agent.equipment.Severity;
import dev.lantian.agent.measure.Aggregate;
import dev.lantian.agent.measure.Alarm;
import dev.lantian.agent.measure.Note;
import dev.lantian.agent.measure.Period;
import dev.lantian.agent.model.Sample;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.ReportDraft;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.hardware.reading.QualityFlag;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The builder on its own: when a period is complete, what each kind carries, which clock quality. */
class ReportBuilderTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-11-10T01:00:00Z"); // 09:00 site time
    private final StepAwareClockQuality quality = new StepAwareClockQuality(ClockQuality.SYNCED);
    private final ReportBuilder builder = new ReportBuilder("MN", new ChannelCodes(Map.of(
            "pm10", new ChannelCodes.Code("a34002", "ug/m3"), "power", new ChannelCodes.Code(null, "kW"))),
            ZONE, Duration.ofMinutes(10), quality);

    private static Aggregate minute(String channel, int startMinute, double avg, Set<Note> notes) {
        Instant start = T0.plus(Duration.ofMinutes(startMinute));
        return new Aggregate(channel, Period.MINUTE, start, start.plus(Duration.ofMinutes(10)), avg, avg, avg, 60, 10,
                Double.NaN, QualityFlag.N, true, notes);
    }

    @Test
    void aPeriodWaitsUntilTheStageWasFlushedPastItsEndThenIsOneReportForAllChannels() {
        builder.sampleSeen(Sample.normal("pm10", T0.plusSeconds(595), 30));
        builder.sampleSeen(Sample.normal("power", T0.plusSeconds(590), 50));
        builder.sampleSeen(Sample.normal("pm10", T0.plusSeconds(600), 31)); // next period: not this report's
        assertThat(builder.measured(List.of(minute("pm10", 0, 30, Set.of())))).isEmpty();
        assertThat(builder.complete(T0.plusSeconds(599))).isEmpty();
        builder.measured(List.of(minute("power", 0, 50, Set.of())));

        List<ReportDraft> drafts = builder.complete(T0.plusSeconds(600));

        assertThat(drafts).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(ReportKind.MINUTE);
            assertThat(d.periodStart()).isEqualTo(T0);
            assertThat(d.periodEnd()).isEqualTo(T0.plusSeconds(600));
            assertThat(d.values()).extracting(v -> v.channel() + " " + v.code() + " " + v.unit() + " " + v.avg())
                    .containsExactly("pm10 a34002 ug/m3 30.0", "power null kW 50.0");
            assertThat(d.acquiredAt()).isEqualTo(T0.plusSeconds(595));
            assertThat(d.clock()).isEqualTo(ClockQuality.SYNCED);
        });
        assertThat(builder.complete(T0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void aValueForAPeriodAlreadyReportedGoesOutInAFurtherReportNotLost() {
        builder.measured(List.of(minute("pm10", 0, 30, Set.of())));
        assertThat(builder.complete(T0.plusSeconds(600))).hasSize(1);
        builder.measured(List.of(minute("power", 0, 50, Set.of())));
        assertThat(builder.complete(T0.plusSeconds(601))).singleElement()
                .satisfies(d -> assertThat(d.values()).extracting(v -> v.channel()).containsExactly("power"));
    }

    @Test
    void aPeriodWithoutAnyReadingIsDatedAtItsEnd() {
        Instant start = T0;
        builder.measured(List.of(new Aggregate("pm10", Period.HOUR, start, start.plusSeconds(3600), Double.NaN,
                Double.NaN, Double.NaN, 0, 0, Double.NaN, QualityFlag.B, false, Set.of())));
        assertThat(builder.complete(T0.plusSeconds(3600))).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(ReportKind.HOUR);
            assertThat(d.acquiredAt()).isEqualTo(start.plusSeconds(3600));
            assertThat(d.values().get(0).flag()).isEqualTo(QualityFlag.B);
        });
    }

    @Test
    void aClockStepMarksThePeriodsItTouchesSteppedAndNoOthers() {
        builder.measured(List.of(minute("pm10", 0, 30, Set.of(Note.CLOCK_STEP)), minute("pm10", 10, 30, Set.of()),
                minute("pm10", 20, 30, Set.of())));
        quality.stepped(T0.plus(Duration.ofMinutes(12)), T0.plus(Duration.ofMinutes(13)));
        assertThat(builder.complete(T0.plus(Duration.ofMinutes(30)))).extracting(ReportDraft::clock)
                .containsExactly(ClockQuality.STEPPED, ClockQuality.STEPPED, ClockQuality.SYNCED);
    }

    @Test
    void anAlarmIsReportedAtOnceUnderOneIdFromRaiseToClear() {
        builder.sampleSeen(Sample.normal("pm10", T0.plusSeconds(300), 210));
        ReportDraft raised = builder.measured(List.of(new Alarm("pm10-high", "pm10", "alarm", Alarm.State.RAISED, T0,
                null, 150, 210))).get(0);
        ReportDraft cleared = builder.measured(List.of(new Alarm("pm10-high", "pm10", "alarm", Alarm.State.CLEARED, T0,
                T0.plusSeconds(900), 150, 260))).get(0);
        assertThat(raised.kind()).isEqualTo(ReportKind.ALARM);
        assertThat(raised.event().id()).isEqualTo(cleared.event().id());
        assertThat(raised.event().severity()).isEqualTo("critical");
        assertThat(raised.acquiredAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(cleared.acquiredAt()).isEqualTo(T0.plusSeconds(900));
        assertThat(cleared.values()).singleElement().satisfies(v -> {
            assertThat(v.value()).isEqualTo(260);
            assertThat(v.code()).isEqualTo("a34002");
        });
    }

    @Test
    void anEventIsReportedWhenItOpensAndClosesButNotWhenItsEvidenceCompletes() {
        EventCore core = new EventCore("linkage@1", LinkageViolation.NOT_RUNNING, "bag-filter", T0, Optional.empty(),
                Severity.ALARM, "filter off", Evidence.pending(List.of("filter-power"), T0));
        LinkageViolation open = new LinkageViolation(core, "line1");
        LinkageViolation closed = new LinkageViolation(new EventCore(core.id(), core.rule(), core.equipment(), T0,
                Optional.of(T0.plusSeconds(1080)), core.severity(), core.detail(), core.evidence()), "line1");

        ReportDraft opened = builder.equipment(new EventNotice(EventNotice.Kind.OPENED, open)).get(0);
        ReportDraft closing = builder.equipment(new EventNotice(EventNotice.Kind.CLOSED, closed)).get(0);

        assertThat(opened.kind()).isEqualTo(ReportKind.EVENT);
        assertThat(opened.event().subject()).isEqualTo("bag-filter");
        assertThat(opened.event().isOpen()).isTrue();
        assertThat(opened.acquiredAt()).isEqualTo(T0);
        assertThat(closing.event().id()).isEqualTo(opened.event().id());
        assertThat(closing.event().end()).isEqualTo(T0.plusSeconds(1080));
        assertThat(closing.acquiredAt()).isEqualTo(T0.plusSeconds(1080));
        assertThat(builder.equipment(new EventNotice(EventNotice.Kind.EVIDENCE_COMPLETE, closed))).isEmpty();
    }

    @Test
    void stepsAreForgottenAfterThreeDays() {
        quality.stepped(T0, T0.plusSeconds(30));
        assertThat(quality.over(T0.minusSeconds(60), T0)).isEqualTo(ClockQuality.STEPPED);
        quality.stepped(T0.plus(Duration.ofDays(4)), T0.plus(Duration.ofDays(4)).plusSeconds(1));
        assertThat(quality.over(T0.minusSeconds(60), T0)).isEqualTo(ClockQuality.SYNCED);
        assertThat(quality.over(T0.plus(Duration.ofDays(4)), T0.plus(Duration.ofDays(4)))).isEqualTo(ClockQuality.STEPPED);
    }
}
