package dev.lantian.agent.measure;

import static dev.lantian.agent.measure.Feed.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.hardware.reading.QualityFlag;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Virtual-time days and hours: averaging, validity edges (HJ 212 45 minutes, 20 hours) and gaps. */
class PeriodValidityTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void aDayOfOneSecondSamplesGivesEveryPeriodValidWithTheRightAverages() {
        Feed feed = new Feed(Feed.site(10, Feed.pm("pm", SECOND)));
        Instant day = at("2026-11-20T00:00");
        // value = hour of the day, so every hour's average is known and the day's is 11.5
        feed.run("pm", day, day.plus(Duration.ofDays(1)), SECOND, i -> i / 3600);
        feed.flush(day.plus(Duration.ofDays(1)));

        assertThat(feed.aggregates(Period.MINUTE)).hasSize(144).allMatch(a -> a.valid() && a.flag() == QualityFlag.N && a.count() == 600);
        assertThat(feed.aggregates(Period.HOUR)).hasSize(24).allMatch(a -> a.valid() && a.validUnits() == 60);
        Aggregate h7 = feed.aggregate(Period.HOUR, at("2026-11-20T07:00"));
        assertThat(h7.avg()).isEqualTo(7.0);
        assertThat(h7.end()).isEqualTo(at("2026-11-20T08:00"));
        Aggregate d = feed.aggregate(Period.DAY, day);
        assertThat(d.valid()).isTrue();
        assertThat(d.flag()).isEqualTo(QualityFlag.N);
        assertThat(d.avg()).isCloseTo(11.5, within(1e-12));
        assertThat(d.min()).isEqualTo(0.0);
        assertThat(d.max()).isEqualTo(23.0);
        assertThat(d.count()).isEqualTo(86_400);
        assertThat(d.increase()).isNaN();
    }

    @Test
    void aMinuteNeedsTwelveSamplesAtOneSecondAndSixAtTenSeconds() {
        assertThat(Feed.pm("a", SECOND).requiredSamplesPerMinute()).isEqualTo(12);
        assertThat(Feed.pm("a", Duration.ofSeconds(5)).requiredSamplesPerMinute()).isEqualTo(12);
        assertThat(Feed.pm("a", TEN_SECONDS).requiredSamplesPerMinute()).isEqualTo(6);
        assertThat(Feed.pm("a", Duration.ofSeconds(30)).requiredSamplesPerMinute()).isEqualTo(2);
        assertThat(Feed.pm("a", Duration.ofMinutes(2)).requiredSamplesPerMinute()).isEqualTo(1);

        Feed feed = new Feed(Feed.site(1, Feed.pm("pm", SECOND)));
        Instant m0 = at("2026-11-20T10:00");
        feed.run("pm", m0, m0.plusSeconds(12), SECOND, i -> 5);                         // 12 samples
        feed.run("pm", m0.plusSeconds(60), m0.plusSeconds(71), SECOND, i -> 5);         // 11 samples
        feed.flush(m0.plusSeconds(120));
        assertThat(feed.aggregate(Period.MINUTE, m0).valid()).isTrue();
        Aggregate short1 = feed.aggregate(Period.MINUTE, m0.plusSeconds(60));
        assertThat(short1.valid()).isFalse();
        assertThat(short1.flag()).as("what arrived was normal").isEqualTo(QualityFlag.N);
        assertThat(short1.count()).isEqualTo(11);
    }

    @Test
    void anHourNeeds45ValidMinutes() {
        Feed feed = new Feed(Feed.site(10, Feed.pm("pm", TEN_SECONDS)));
        Instant h = at("2026-11-20T10:00");
        feed.run("pm", h, h.plus(Duration.ofMinutes(45)), TEN_SECONDS, i -> 20);             // 45 valid minutes
        Instant h2 = h.plus(Duration.ofHours(1));
        feed.run("pm", h2, h2.plus(Duration.ofMinutes(44)), TEN_SECONDS, i -> 20);           // 44 valid minutes
        feed.flush(h2.plus(Duration.ofHours(1)));

        Aggregate valid = feed.aggregate(Period.HOUR, h);
        assertThat(valid.validUnits()).isEqualTo(45);
        assertThat(valid.valid()).isTrue();
        // 15 empty minutes of 60 are B: exactly 75 % normal still gives N
        assertThat(valid.flag()).isEqualTo(QualityFlag.N);
        Aggregate invalid = feed.aggregate(Period.HOUR, h2);
        assertThat(invalid.validUnits()).isEqualTo(44);
        assertThat(invalid.valid()).isFalse();
        assertThat(invalid.flag()).as("16 of 60 minutes without data").isEqualTo(QualityFlag.B);
        assertThat(invalid.avg()).isEqualTo(20.0);
    }

    @Test
    void aDayNeeds20ValidHours() {
        Feed feed = new Feed(Feed.site(30, Feed.pm("pm", TEN_SECONDS)));
        Instant d1 = at("2026-11-20T00:00");
        feed.run("pm", d1, d1.plus(Duration.ofHours(20)), TEN_SECONDS, i -> 30);
        Instant d2 = d1.plus(Duration.ofDays(1));
        feed.run("pm", d2, d2.plus(Duration.ofHours(19)), TEN_SECONDS, i -> 30);
        feed.flush(d2.plus(Duration.ofDays(1)));

        Aggregate day1 = feed.aggregate(Period.DAY, d1);
        assertThat(day1.validUnits()).isEqualTo(20);
        assertThat(day1.valid()).isTrue();
        assertThat(day1.flag()).as("4 of 24 hours empty: 83 %% normal").isEqualTo(QualityFlag.N);
        Aggregate day2 = feed.aggregate(Period.DAY, d2);
        assertThat(day2.validUnits()).isEqualTo(19);
        assertThat(day2.valid()).isFalse();
        assertThat(day2.flag()).as("5 of 24 hours empty: 79 %% normal").isEqualTo(QualityFlag.N);
        assertThat(feed.aggregates(Period.HOUR)).hasSize(48);
    }

    @Test
    void aGapClosesItsPeriodsEmptyInsteadOfLosingThem() {
        Feed feed = new Feed(Feed.site(10, Feed.pm("pm", TEN_SECONDS)));
        Instant h = at("2026-11-20T10:00");
        feed.run("pm", h, h.plus(Duration.ofMinutes(30)), TEN_SECONDS, i -> 10);
        // silent until 13:00
        feed.run("pm", at("2026-11-20T13:00"), at("2026-11-20T14:00"), TEN_SECONDS, i -> 10);
        feed.flush(at("2026-11-20T14:00"));

        assertThat(feed.aggregates(Period.HOUR)).extracting(Aggregate::start)
                .containsExactly(h, at("2026-11-20T11:00"), at("2026-11-20T12:00"), at("2026-11-20T13:00"));
        Aggregate silent = feed.aggregate(Period.HOUR, at("2026-11-20T11:00"));
        assertThat(silent.count()).isZero();
        assertThat(silent.avg()).isNaN();
        assertThat(silent.flag()).isEqualTo(QualityFlag.B);
        assertThat(silent.valid()).isFalse();
        assertThat(feed.aggregates(Period.MINUTE)).hasSize(24);
        Aggregate interval = feed.aggregate(Period.MINUTE, at("2026-11-20T10:20"));
        assertThat(interval.valid()).isTrue();
        assertThat(feed.aggregate(Period.MINUTE, at("2026-11-20T10:30")).flag()).isEqualTo(QualityFlag.B);
    }

    @Test
    void tenMinuteIntervalNeedsEightValidMinutes() {
        Feed feed = new Feed(Feed.site(10, Feed.pm("pm", TEN_SECONDS)));
        Instant m = at("2026-11-20T10:00");
        feed.run("pm", m, m.plus(Duration.ofMinutes(8)), TEN_SECONDS, i -> 1);
        feed.run("pm", m.plus(Duration.ofMinutes(10)), m.plus(Duration.ofMinutes(17)), TEN_SECONDS, i -> 1);
        feed.flush(m.plus(Duration.ofMinutes(20)));
        assertThat(feed.aggregate(Period.MINUTE, m).valid()).isTrue();
        assertThat(feed.aggregate(Period.MINUTE, m.plus(Duration.ofMinutes(10))).valid()).isFalse();
    }
}
