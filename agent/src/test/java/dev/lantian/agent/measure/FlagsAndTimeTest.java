package dev.lantian.agent.measure;

import static dev.lantian.agent.measure.Feed.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.hardware.reading.QualityFlag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Flag dominance, DST days and clock steps on virtual time. */
class FlagsAndTimeTest {
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    /** One minute of 12 samples (5 s apart) with the given flags. */
    private static Aggregate minuteWithFlags(QualityFlag... flags) {
        Feed feed = new Feed(Feed.site(1, Feed.pm("pm", FIVE_SECONDS)));
        Instant m = at("2026-11-20T10:00");
        for (int i = 0; i < flags.length; i++) {
            feed.sample("pm", m.plusSeconds(5L * i), 10 + i, flags[i]);
        }
        feed.flush(m.plusSeconds(60));
        return feed.aggregate(Period.MINUTE, m);
    }

    @Test
    void periodIsNormalFromThreeQuartersNormalOtherwiseTheDominantFaultFlag() {
        QualityFlag N = QualityFlag.N;
        assertThat(minuteWithFlags(N, N, N, N, N, N, N, N, N, QualityFlag.D, QualityFlag.D, QualityFlag.T).flag())
                .as("9 of 12 normal is 75 %").isEqualTo(N);
        assertThat(minuteWithFlags(N, N, N, N, N, N, N, N, QualityFlag.T, QualityFlag.T, QualityFlag.T, QualityFlag.D).flag())
                .as("most frequent fault flag wins over a more dominant rarer one").isEqualTo(QualityFlag.T);
        assertThat(minuteWithFlags(N, N, N, N, N, N, N, N, QualityFlag.T, QualityFlag.T, QualityFlag.B, QualityFlag.B).flag())
                .as("tie broken by dominance: B outranks T").isEqualTo(QualityFlag.B);
        Aggregate mostlyFaulty = minuteWithFlags(N, N, QualityFlag.C, QualityFlag.C, QualityFlag.C, QualityFlag.C);
        assertThat(mostlyFaulty.flag()).isEqualTo(QualityFlag.C);
        assertThat(mostlyFaulty.avg()).as("average of the normal values only").isEqualTo(10.5);
        assertThat(mostlyFaulty.count()).isEqualTo(6);
    }

    @Test
    void aPeriodWithNoNormalValueStillShowsWhatWasReadUnderItsFlag() {
        QualityFlag M = QualityFlag.M;
        Aggregate a = minuteWithFlags(M, M, M, M);
        assertThat(a.flag()).isEqualTo(M);
        assertThat(a.valid()).isFalse();
        assertThat(a.avg()).isEqualTo(11.5);
    }

    @Test
    void daysFollowLocalMidnightInAZoneWithDaylightSavingTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Duration step = Duration.ofSeconds(30);
        ChannelSettings pm = Feed.pm("pm", step);
        Feed feed = new Feed(MeasureSettings.of(berlin, Duration.ofMinutes(15), Duration.ofSeconds(60), List.of(pm)));
        Instant autumnDay = LocalDateTime.parse("2026-10-25T00:00").atZone(berlin).toInstant();
        Instant next = LocalDateTime.parse("2026-10-26T00:00").atZone(berlin).toInstant();
        Instant after = LocalDateTime.parse("2026-10-27T00:00").atZone(berlin).toInstant();
        feed.run("pm", autumnDay, after, step, i -> 1);
        feed.flush(after);

        List<Aggregate> days = feed.aggregates(Period.DAY);
        assertThat(days).extracting(Aggregate::start).containsExactly(autumnDay, next);
        assertThat(Duration.between(days.get(0).start(), days.get(0).end())).as("fall back: a 25-hour day").isEqualTo(Duration.ofHours(25));
        assertThat(days.get(0).validUnits()).isEqualTo(25);
        assertThat(feed.aggregates(Period.HOUR)).hasSize(49);
        assertThat(feed.aggregates(Period.MINUTE)).hasSize(49 * 4);
        assertThat(feed.aggregates(Period.HOUR)).allMatch(h -> h.valid() && Duration.between(h.start(), h.end()).equals(Duration.ofHours(1)));

        Feed spring = new Feed(MeasureSettings.of(berlin, Duration.ofMinutes(15), Duration.ofSeconds(60), List.of(pm)));
        Instant springDay = LocalDateTime.parse("2026-03-29T00:00").atZone(berlin).toInstant();
        Instant springEnd = LocalDateTime.parse("2026-03-30T00:00").atZone(berlin).toInstant();
        spring.run("pm", springDay, springEnd, step, i -> 1);
        spring.flush(springEnd);
        Aggregate short1 = spring.aggregate(Period.DAY, springDay);
        assertThat(short1.end()).isEqualTo(springEnd);
        assertThat(short1.validUnits()).as("spring forward: a 23-hour day").isEqualTo(23);
        assertThat(spring.aggregates(Period.HOUR)).extracting(a -> a.start().atZone(berlin).getHour()).doesNotContain(2);
    }

    @Test
    void aClockStepBackNeitherCountsTwiceNorLosesAPeriodAndFlagsTheOpenPeriod() {
        Feed feed = new Feed(Feed.site(10, Feed.pm("pm", FIVE_SECONDS)));
        // 10:00:00 .. 10:25:00 on time, then the clock steps back 15 minutes and runs on to 10:40
        feed.run("pm", at("2026-11-20T10:00"), at("2026-11-20T10:25"), FIVE_SECONDS, i -> 10);
        feed.run("pm", at("2026-11-20T10:10"), at("2026-11-20T10:40"), FIVE_SECONDS, i -> 10);
        feed.flush(at("2026-11-20T11:00"));

        List<Aggregate> intervals = feed.aggregates(Period.MINUTE);
        assertThat(intervals).extracting(Aggregate::start).containsExactly(
                at("2026-11-20T10:00"), at("2026-11-20T10:10"), at("2026-11-20T10:20"), at("2026-11-20T10:30"),
                at("2026-11-20T10:40"), at("2026-11-20T10:50"));
        assertThat(intervals.get(1).count()).as("10:10 interval counted once").isEqualTo(120);
        assertThat(intervals.get(1).flag()).isEqualTo(QualityFlag.N);
        Aggregate stepped = intervals.get(2);
        assertThat(stepped.notes()).contains(Note.CLOCK_STEP);
        assertThat(stepped.flag()).isEqualTo(QualityFlag.D);
        assertThat(stepped.count()).as("10:20-10:25 before, 10:25-10:30 after the step").isEqualTo(120);
        List<Rejected> late = feed.of(Rejected.class);
        assertThat(late).as("10:10 to 10:25 measured once already").hasSize(180).allMatch(r -> r.reason() == Rejected.Reason.LATE);
        Aggregate hour = feed.aggregate(Period.HOUR, at("2026-11-20T10:00"));
        assertThat(hour.flag()).isEqualTo(QualityFlag.D);
        assertThat(hour.notes()).contains(Note.CLOCK_STEP);
        assertThat(intervals.get(3).notes()).isEmpty();
    }

    @Test
    void aClockStepForwardSeenAgainstTheMonotonicClockFlagsTheSkippedPeriods() {
        AtomicLong mono = new AtomicLong();
        MeasurementStage stage = new MeasurementStage(Feed.site(10, Feed.pm("pm", FIVE_SECONDS)), mono::get);
        Feed feed = new Feed(stage);
        java.util.List<MeasureOutput> out = feed.out;
        Instant t = at("2026-11-20T10:00");
        for (int i = 0; i < 12 * 15; i++) {            // 10:00 .. 10:15 in real time
            out.addAll(stage.accept(dev.lantian.agent.model.Sample.normal("pm", t, 10)));
            t = t.plusSeconds(5);
            mono.addAndGet(5_000_000_000L);
        }
        t = t.plus(Duration.ofMinutes(20));           // the wall clock jumps 20 minutes ahead at 10:15
        for (int i = 0; i < 12 * 25; i++) {
            out.addAll(stage.accept(dev.lantian.agent.model.Sample.normal("pm", t, 10)));
            t = t.plusSeconds(5);
            mono.addAndGet(5_000_000_000L);
        }
        out.addAll(stage.flush(at("2026-11-20T11:00")));

        List<Aggregate> intervals = feed.aggregates(Period.MINUTE);
        assertThat(intervals).hasSize(6);
        assertThat(intervals.get(0).notes()).isEmpty();
        for (int i = 1; i <= 3; i++) {
            assertThat(intervals.get(i).notes()).contains(Note.CLOCK_STEP);
            assertThat(intervals.get(i).flag()).isEqualTo(QualityFlag.D);
        }
        assertThat(intervals.get(2).count()).as("10:20 was skipped by the step").isZero();
        assertThat(intervals.get(4).notes()).isEmpty();
        assertThat(intervals.get(4).flag()).isEqualTo(QualityFlag.N);
    }

    @Test
    void aNotifiedClockStepFlagsThePeriodItHappensIn() {
        Feed feed = new Feed(Feed.site(5, Feed.pm("pm", FIVE_SECONDS)));
        feed.run("pm", at("2026-11-20T10:00"), at("2026-11-20T10:07"), FIVE_SECONDS, i -> 10);
        feed.stage.clockStepped(at("2026-11-20T10:07"), at("2026-11-20T10:07:03"));
        feed.run("pm", at("2026-11-20T10:07:05"), at("2026-11-20T10:15"), FIVE_SECONDS, i -> 10);
        feed.flush(at("2026-11-20T10:15"));
        assertThat(feed.aggregates(Period.MINUTE)).extracting(Aggregate::flag).containsExactly(QualityFlag.N, QualityFlag.D, QualityFlag.N);
    }

    @Test
    void samplesForAnUnknownChannelAreRejectedNotDropped() {
        Feed feed = new Feed(Feed.site(5, Feed.pm("pm", FIVE_SECONDS)));
        feed.sample("nope", at("2026-11-20T10:00"), 1);
        assertThat(feed.of(Rejected.class)).singleElement().extracting(Rejected::reason).isEqualTo(Rejected.Reason.UNKNOWN_CHANNEL);
        assertThat(feed.stage.currentView(at("2026-11-20T10:00")).unknownChannelSamples()).isEqualTo(1);
    }

    @Test
    void aBoardClockSetFromYearsAgoReportsTheOpenPeriodsWithoutFillingYearsOfEmptyOnes() {
        Feed feed = new Feed(Feed.site(10, Feed.pm("pm", FIVE_SECONDS)));
        feed.run("pm", at("2020-01-01T00:00"), at("2020-01-01T00:05"), FIVE_SECONDS, i -> 10);
        feed.run("pm", at("2026-11-20T10:00"), at("2026-11-20T11:00"), FIVE_SECONDS, i -> 10);
        feed.flush(at("2026-11-20T11:00"));
        assertThat(feed.aggregates(Period.DAY)).extracting(Aggregate::start).containsExactly(at("2020-01-01T00:00"));
        assertThat(feed.aggregates(Period.HOUR)).extracting(Aggregate::start).containsExactly(at("2020-01-01T00:00"), at("2026-11-20T10:00"));
        assertThat(feed.aggregate(Period.HOUR, at("2026-11-20T10:00")).valid()).isTrue();
    }

    @Test
    void aTwoDayOutageStillReportsEveryHourAndDay() {
        Feed feed = new Feed(Feed.site(30, Feed.pm("pm", FIVE_SECONDS)));
        feed.sample("pm", at("2026-11-20T00:00"), 10).sample("pm", at("2026-11-22T00:00"), 10);
        assertThat(feed.aggregates(Period.HOUR)).hasSize(48).allMatch(h -> !h.valid());
        assertThat(feed.aggregates(Period.DAY)).hasSize(2);
        assertThat(feed.aggregates(Period.MINUTE)).hasSize(96);
    }

    @Test
    void aClockStepBackSeenAgainstTheMonotonicClockRejectsTheRepeatedStretch() {
        AtomicLong mono = new AtomicLong();
        Feed feed = new Feed(new MeasurementStage(Feed.site(5, Feed.pm("pm", FIVE_SECONDS)), mono::get));
        Instant t = at("2026-11-20T10:00");
        for (int i = 0; i < 12 * 12; i++) {             // 10:00 .. 10:12
            feed.sample("pm", t, 10);
            t = t.plusSeconds(5);
            mono.addAndGet(5_000_000_000L);
        }
        t = t.minus(Duration.ofMinutes(4));             // NTP steps the wall clock back to 10:08
        for (int i = 0; i < 12 * 12; i++) {
            feed.sample("pm", t, 10);
            t = t.plusSeconds(5);
            mono.addAndGet(5_000_000_000L);
        }
        feed.flush(at("2026-11-20T10:20"));
        assertThat(feed.of(Rejected.class)).hasSize(48).allMatch(r -> r.reason() == Rejected.Reason.LATE);
        List<Aggregate> intervals = feed.aggregates(Period.MINUTE);
        // 10:05 was reported before the step (and its samples were not counted twice); the open 10:10 takes the flag
        assertThat(intervals).extracting(Aggregate::flag).containsExactly(QualityFlag.N, QualityFlag.N, QualityFlag.D, QualityFlag.N);
        assertThat(intervals.get(2).count()).as("10:10-10:12 before the step, 10:12-10:15 after").isEqualTo(60);
    }
}
