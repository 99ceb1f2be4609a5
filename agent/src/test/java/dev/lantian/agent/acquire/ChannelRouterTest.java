package dev.lantian.agent.acquire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelRouterTest {
    private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");
    private final ChannelRouter router = new ChannelRouter(List.of(
            new ChannelSource("line1-power", "meter-line1", "total_power"),
            new ChannelSource("line1-ia", "meter-line1", "phase1_current"),
            new ChannelSource("boundary-pm10", "pms", "pm10")));

    @Test
    void eachChannelTakesItsFieldWithTheReadingsFlag() {
        List<Sample> samples = router.route(ReadingSet.of("meter-line1", T, List.of(
                Reading.normal("total_power", 42.5),
                new Reading("phase1_current", 2000, QualityFlag.T),
                Reading.normal("frequency", 50))));
        assertThat(samples).containsExactly(
                new Sample("line1-power", T, 42.5, QualityFlag.N),
                new Sample("line1-ia", T, 2000, QualityFlag.T));
    }

    @Test
    void aSilentDeviceStillYieldsOneFlaggedSamplePerChannel() {
        List<Sample> samples = router.route(ReadingSet.silent("meter-line1", T, "timeout after 3 tries"));
        assertThat(samples).extracting(Sample::channel).containsExactly("line1-power", "line1-ia");
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.hasValue()).isFalse();
            assertThat(s.flag()).isEqualTo(QualityFlag.B);
        });
    }

    @Test
    void aMissingFieldIsFlaggedAndCountedNotDropped() {
        List<Sample> samples = router.route(ReadingSet.of("pms", T, List.of(Reading.normal("pm2_5", 12))));
        assertThat(samples).singleElement().satisfies(s -> {
            assertThat(s.channel()).isEqualTo("boundary-pm10");
            assertThat(s.flag()).isEqualTo(QualityFlag.B);
        });
        assertThat(router.missingFields()).isEqualTo(1);
    }

    @Test
    void aSetLevelFaultMarksItsNormalReadings() {
        ReadingSet faulty = new ReadingSet("pms", T, List.of(Reading.normal("pm10", 30)), QualityFlag.D, "fan error");
        assertThat(router.route(faulty)).singleElement().extracting(Sample::flag).isEqualTo(QualityFlag.D);
    }

    @Test
    void devicesWithoutChannelsYieldNothing() {
        assertThat(router.route(ReadingSet.of("climate", T, List.of(Reading.normal("humidity", 50))))).isEmpty();
    }
}
