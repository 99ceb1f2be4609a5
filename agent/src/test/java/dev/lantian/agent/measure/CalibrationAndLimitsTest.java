package dev.lantian.agent.measure;

import static dev.lantian.agent.measure.Feed.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calibration history, least-squares fits, exceedance alarms and the IAQI table. */
class CalibrationAndLimitsTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void zeroSpanCalibrationAndItsHistoryExplainPastValues() {
        Instant recalibrated = at("2026-11-20T10:01");
        CalibrationHistory history = CalibrationHistory.always(new Calibration.Linear(2.0, 1.0))
                .with(recalibrated, new Calibration.Linear(1.0, 1.1), "span gas 2026-11-20");
        Feed feed = new Feed(Feed.site(1, Feed.pm("pm", TEN_SECONDS).withCalibration(history)));
        Instant m = at("2026-11-20T10:00");
        feed.run("pm", m, m.plusSeconds(120), TEN_SECONDS, i -> 11);
        feed.flush(m.plusSeconds(120));

        assertThat(feed.aggregate(Period.MINUTE, m).avg()).isEqualTo(9.0);
        assertThat(feed.aggregate(Period.MINUTE, recalibrated).avg()).isCloseTo(11.0, within(1e-12));
        assertThat(history.apply(m.plusSeconds(30), 11)).as("a stored raw value is explained later").isEqualTo(9.0);
        assertThat(history.apply(recalibrated, 11)).isCloseTo(11.0, within(1e-12));
        assertThat(CalibrationHistory.none().apply(m, 11)).isEqualTo(11.0);
    }

    @Test
    void leastSquaresFitsRecoverALineAndACurve() {
        List<Calibration.ReferencePair> line = List.of(new Calibration.ReferencePair(10, 23), new Calibration.ReferencePair(20, 43),
                new Calibration.ReferencePair(30, 63.2), new Calibration.ReferencePair(40, 82.8));
        Calibration linear = Calibration.fit(line, 1);
        assertThat(linear.apply(25)).isCloseTo(53.0, within(0.2));

        List<Calibration.ReferencePair> curve = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> new Calibration.ReferencePair(i, 1 + 0.5 * i + 0.25 * i * i)).toList();
        Calibration quadratic = Calibration.fit(curve, 2);
        assertThat(((Calibration.Polynomial) quadratic).coefficients()).containsExactly(new double[] {1, 0.5, 0.25}, within(1e-6));
        assertThatThrownBy(() -> Calibration.fit(line.subList(0, 2), 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAlarmNeedsTheMinimumDurationAndClearsOnlyBelowTheClearThreshold() {
        ChannelSettings.Limit limit = new ChannelSettings.Limit("pm-high", 150, 130, Duration.ofMinutes(5), "warning");
        Feed feed = new Feed(Feed.site(1, Feed.pm("pm", TEN_SECONDS).withLimits(List.of(limit))));
        Instant t0 = at("2026-11-20T14:00");
        feed.run("pm", t0, t0.plus(Duration.ofMinutes(4)), TEN_SECONDS, i -> 180);           // 4 min above: too short
        feed.run("pm", t0.plus(Duration.ofMinutes(4)), t0.plus(Duration.ofMinutes(5)), TEN_SECONDS, i -> 100);
        assertThat(feed.of(Alarm.class)).isEmpty();

        Instant t1 = t0.plus(Duration.ofMinutes(5));
        feed.run("pm", t1, t1.plus(Duration.ofMinutes(6)), TEN_SECONDS, i -> i == 20 ? 200 : 160);
        feed.run("pm", t1.plus(Duration.ofMinutes(6)), t1.plus(Duration.ofMinutes(8)), TEN_SECONDS, i -> 140); // under the limit, above clear
        assertThat(feed.stage.currentView(t1.plus(Duration.ofMinutes(8))).channels().get(0).activeAlarms())
                .as("still raised: 140 is not below the clear threshold").singleElement().extracting(Alarm::limitId).isEqualTo("pm-high");
        feed.run("pm", t1.plus(Duration.ofMinutes(8)), t1.plus(Duration.ofMinutes(9)), TEN_SECONDS, i -> 120);

        List<Alarm> alarms = feed.of(Alarm.class);
        assertThat(alarms).extracting(Alarm::state).containsExactly(Alarm.State.RAISED, Alarm.State.CLEARED);
        assertThat(alarms.get(0).start()).isEqualTo(t1);
        assertThat(alarms.get(0).end()).isNull();
        Alarm cleared = alarms.get(1);
        assertThat(cleared.start()).isEqualTo(t1);
        assertThat(cleared.end()).isEqualTo(t1.plus(Duration.ofMinutes(8)));
        assertThat(cleared.peak()).isEqualTo(200.0);
        assertThat(cleared.limitId()).isEqualTo("pm-high");
        assertThat(feed.stage.currentView(t1.plus(Duration.ofMinutes(9))).channels().get(0).activeAlarms()).isEmpty();
    }

    @Test
    void aGapRestartsAPendingExceedance() {
        ChannelSettings.Limit limit = new ChannelSettings.Limit("pm-high", 150, 130, Duration.ofMinutes(5), "warning");
        Feed feed = new Feed(Feed.site(1, Feed.pm("pm", TEN_SECONDS).withLimits(List.of(limit))));
        Instant t0 = at("2026-11-20T14:00");
        feed.sample("pm", t0, 200).sample("pm", t0.plus(Duration.ofMinutes(2)), 200).sample("pm", t0.plus(Duration.ofMinutes(6)), 200);
        assertThat(feed.of(Alarm.class)).isEmpty();
    }

    @Test
    void iaqiFollowsHj633AndRoundsUp() {
        IaqiTable table = IaqiTable.hj633();
        assertThat(table.iaqi("pm2_5", 35)).hasValue(50);
        assertThat(table.iaqi("pm2_5", 75)).hasValue(100);
        assertThat(table.iaqi("pm2_5", 36)).as("50/40*1+50 = 51.25 rounds up").hasValue(52);
        assertThat(table.iaqi("pm10", 151)).as("50/100*1+100 = 100.5").hasValue(101);
        assertThat(table.iaqi("pm10", 0)).hasValue(0);
        assertThat(table.iaqi("pm10", 700)).hasValue(500);
        assertThat(table.iaqi("tsp", 10)).isEmpty();
        assertThat(table.iaqi("pm10", -1)).isEmpty();
    }

    @Test
    void aRevisedTableIsDataNotCode() throws Exception {
        String revised = "iaqi,pm2_5\n0,0\n50,35\n100,60\n";
        IaqiTable table = IaqiTable.parse(new ByteArrayInputStream(revised.getBytes(StandardCharsets.UTF_8)));
        assertThat(table.iaqi("pm2_5", 60)).hasValue(100);
        assertThatThrownBy(() -> IaqiTable.parse(new ByteArrayInputStream("iaqi,pm2_5\n0,0\n50,0\n".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("must rise");
    }
}
