package dev.lantian.agent.measure;

import static dev.lantian.agent.measure.Feed.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.hardware.reading.QualityFlag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Warm-up, valid range, fog, spikes, counters, real-time values and the console view. */
class SamplePipelineTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void warmUpSamplesAreRejectedWithTheirReasonAndTheMinuteKnowsWhy() {
        Feed feed = new Feed(Feed.site(1, Feed.pm("pm", SECOND).withWarmup(Duration.ofSeconds(30))));
        Instant m = at("2026-11-20T10:00");
        feed.stage.sensorStarted("pm", m);
        feed.run("pm", m, m.plusSeconds(120), SECOND, i -> 40);
        feed.flush(m.plusSeconds(120));

        List<Rejected> rejected = feed.of(Rejected.class);
        assertThat(rejected).hasSize(30).allMatch(r -> r.reason() == Rejected.Reason.WARM_UP);
        Aggregate first = feed.aggregate(Period.MINUTE, m);
        assertThat(first.count()).isEqualTo(30);
        assertThat(first.flag()).as("half the minute warming up: F dominates").isEqualTo(QualityFlag.F);
        assertThat(first.valid()).as("30 valid samples are enough").isTrue();
        assertThat(feed.aggregate(Period.MINUTE, m.plusSeconds(60)).flag()).isEqualTo(QualityFlag.N);
        assertThat(feed.stage.currentView(m.plusSeconds(120)).channels().get(0).rejected()).containsEntry(Rejected.Reason.WARM_UP, 30L);
    }

    @Test
    void readingsTakenInFogAreFlaggedDAndKeepTheirValue() {
        ChannelSettings rh = ChannelSettings.of("rh", "humidity", "%", TEN_SECONDS);
        ChannelSettings pm = Feed.pm("pm", TEN_SECONDS).withFog(new ChannelSettings.Fog("rh", 85));
        Feed feed = new Feed(Feed.site(1, rh, pm));
        Instant m = at("2026-11-20T06:00");
        feed.sample("rh", m, 80);
        feed.sample("pm", m.plusSeconds(1), 50);
        feed.sample("rh", m.plusSeconds(10), 92);
        feed.sample("pm", m.plusSeconds(11), 180);
        feed.sample("pm", m.plusSeconds(21), 185);

        List<Flagged> flagged = feed.of(Flagged.class);
        assertThat(flagged).hasSize(2).allMatch(f -> f.cause() == Flagged.Cause.FOG && f.flag() == QualityFlag.D);
        assertThat(flagged.get(0).value()).as("never silently corrected").isEqualTo(180.0);
        feed.flush(m.plusSeconds(60));
        Aggregate minute = feed.aggregate("pm", Period.MINUTE, m);
        assertThat(minute.flag()).isEqualTo(QualityFlag.D);
        assertThat(minute.avg()).as("only the clear-air reading is normal").isEqualTo(50.0);
    }

    @Test
    void aStaleHumidityDoesNotFlagFog() {
        ChannelSettings rh = ChannelSettings.of("rh", "humidity", "%", TEN_SECONDS);
        ChannelSettings pm = Feed.pm("pm", TEN_SECONDS).withFog(new ChannelSettings.Fog("rh", 85));
        Feed feed = new Feed(Feed.site(1, rh, pm));
        Instant m = at("2026-11-20T06:00");
        feed.sample("rh", m, 95);
        feed.sample("pm", m.plusSeconds(61), 50);
        assertThat(feed.of(Flagged.class)).isEmpty();
    }

    @Test
    void valuesOutsideTheValidRangeAreFlaggedBelowDAboveT() {
        Feed feed = new Feed(Feed.site(1, Feed.pm("pm", TEN_SECONDS).withValidRange(new ChannelSettings.ValidRange(0, 1000))));
        Instant m = at("2026-11-20T06:00");
        feed.sample("pm", m, -3).sample("pm", m.plusSeconds(10), 1200).sample("pm", m.plusSeconds(20), 10);
        assertThat(feed.of(Flagged.class)).extracting(Flagged::cause, Flagged::flag).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Flagged.Cause.BELOW_RANGE, QualityFlag.D),
                org.assertj.core.groups.Tuple.tuple(Flagged.Cause.ABOVE_RANGE, QualityFlag.T));
    }

    @Test
    void spikesAreRejectedCountedAndKeptWhileALevelShiftIsAccepted() {
        Feed feed = new Feed(Feed.site(1, Feed.pm("pm", SECOND).withSpike(new ChannelSettings.Spike(7, 3.0, 1.0))));
        Instant m = at("2026-11-20T10:00");
        double[] values = {40, 41, 39, 40, 42, 41, 40, 400, 41, 39, 40, 41, 120, 121, 119, 120, 122, 121, 120};
        for (int i = 0; i < values.length; i++) {
            feed.sample("pm", m.plusSeconds(i), values[i]);
        }
        List<Rejected> rejected = feed.of(Rejected.class);
        assertThat(rejected).allMatch(r -> r.reason() == Rejected.Reason.SPIKE);
        assertThat(rejected).extracting(r -> r.sample().value()).contains(400.0).doesNotContain(40.0, 41.0, 39.0, 122.0);
        assertThat(rejected).extracting(r -> r.sample().time()).as("the new level holds").allMatch(t -> t.isBefore(m.plusSeconds(16)));
        assertThat(rejected.size()).as("the step to 120 is accepted after at most half a window").isLessThanOrEqualTo(4);
        feed.flush(m.plusSeconds(60));
        Aggregate minute = feed.aggregate(Period.MINUTE, m);
        assertThat(minute.count()).isEqualTo(values.length - rejected.size());
        assertThat(minute.max()).isLessThan(400);
        assertThat(feed.stage.currentView(m.plusSeconds(60)).channels().get(0).rejected().get(Rejected.Reason.SPIKE))
                .isEqualTo((long) rejected.size());
    }

    @Test
    void counterIncreasesSurviveRolloverResetAndDiscontinuity() {
        ChannelSettings energy = ChannelSettings.of("kwh", "energy", "kWh", TEN_SECONDS).asCounter(100_000);
        Feed feed = new Feed(Feed.site(1, energy));
        Instant m = at("2026-11-20T10:00");
        feed.sample("kwh", m, 99_999.0).sample("kwh", m.plusSeconds(10), 99_999.5).sample("kwh", m.plusSeconds(20), 0.5);
        feed.sample("kwh", m.plusSeconds(60), 1.0).sample("kwh", m.plusSeconds(70), 0.01);
        feed.sample("kwh", m.plusSeconds(120), 0.02).sample("kwh", m.plusSeconds(130), 5000).sample("kwh", m.plusSeconds(140), 4000)
                .sample("kwh", m.plusSeconds(150), 4001);
        feed.flush(m.plusSeconds(180));

        assertThat(feed.of(CounterEvent.class)).extracting(CounterEvent::kind)
                .containsExactly(CounterEvent.Kind.ROLLOVER, CounterEvent.Kind.RESET, CounterEvent.Kind.DISCONTINUITY);
        Aggregate first = feed.aggregate(Period.MINUTE, m);
        assertThat(first.increase()).isCloseTo(1.5, within(1e-9));
        assertThat(first.notes()).containsExactly(Note.COUNTER_ROLLOVER);
        Aggregate second = feed.aggregate(Period.MINUTE, m.plusSeconds(60));
        assertThat(second.increase()).as("0.5 before the reset, 0.01 counted from zero").isCloseTo(0.51, within(1e-9));
        assertThat(second.notes()).containsExactly(Note.COUNTER_RESET);
        Aggregate third = feed.aggregate(Period.MINUTE, m.plusSeconds(120));
        assertThat(third.increase()).as("the unexplained drop credits nothing").isCloseTo(0.01 + 4999.98 + 1, within(1e-6));
        assertThat(third.notes()).containsExactly(Note.COUNTER_DISCONTINUITY);
    }

    @Test
    void realtimeValuesAndWindowViewsComeAtEachTick() {
        ChannelSettings pm = ChannelSettings.of("pm", "pm2_5", "ug/m3", TEN_SECONDS).withWindows(List.of(Duration.ofMinutes(5), Duration.ofHours(24)));
        Feed feed = new Feed(Feed.site(1, pm));
        Instant m = at("2026-11-20T10:00");
        feed.run("pm", m, m.plusSeconds(125), TEN_SECONDS, i -> 35 + i);
        List<RealtimeValue> rt = feed.of(RealtimeValue.class);
        assertThat(rt).extracting(RealtimeValue::tick).containsExactly(m.plusSeconds(60), m.plusSeconds(120));
        assertThat(rt.get(0).value()).as("latest value before the tick (10:00:50)").isEqualTo(40.0);
        assertThat(rt.get(0).flag()).isEqualTo(QualityFlag.N);
        WindowView day = feed.of(WindowView.class).stream().filter(w -> w.window().equals(Duration.ofHours(24))).toList().get(1);
        assertThat(day.count()).isEqualTo(12);
        assertThat(day.avg()).isEqualTo(40.5);
        assertThat(day.iaqi()).as("HJ 633 PM2.5 40.5 ug/m3").hasValue(57);

        feed.flush(m.plus(Duration.ofMinutes(10)));
        RealtimeValue stale = feed.of(RealtimeValue.class).get(2);
        assertThat(stale.value()).isNaN();
        assertThat(stale.flag()).isEqualTo(QualityFlag.B);
        ChannelView view = feed.stage.currentView(m.plus(Duration.ofMinutes(10))).channels().get(0);
        assertThat(view.windows().get(0).count()).as("the 5-minute window emptied by time").isZero();
        assertThat(view.windows().get(1).count()).isEqualTo(13);
        assertThat(view.latestValue()).isEqualTo(47.0);
    }
}
