package dev.lantian.agent.store;

import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.time.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.lantian.agent.store.Drafts.T0;
import static org.assertj.core.api.Assertions.assertThat;

class SampleStoreTest {
    @TempDir
    Path dir;
    final VirtualClock clock = new VirtualClock(T0, ZoneOffset.UTC);
    Path file;

    ReportStore open(int batch) {
        file = dir.resolve("lantian.db");
        StoreSettings s = StoreSettings.from(new SiteConfig.Storage(file, 16, 90, 7))
                .withSampleBatch(batch, Duration.ofSeconds(60));
        return ReportStore.open(file, s, clock);
    }

    static List<Sample> tick(Instant t, int channels) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            out.add(Sample.normal("ch" + i, t, i + 0.5));
        }
        return out;
    }

    @Test
    void samplesAreCommittedInBatchesBySizeOrAge() throws Exception {
        try (ReportStore store = open(10); Peek peek = new Peek(dir.resolve("lantian.db"))) {
            store.appendSamples(tick(clock.instant(), 4));
            clock.advance(Duration.ofSeconds(5));
            store.appendSamples(tick(clock.instant(), 4));
            assertThat(peek.samples()).as("8 samples wait for the batch of 10").isZero();
            clock.advance(Duration.ofSeconds(5));
            store.appendSamples(tick(clock.instant(), 4));
            assertThat(peek.samples()).as("12 >= 10: committed").isEqualTo(12);
            store.appendSamples(tick(clock.advance(Duration.ofSeconds(5)), 1));
            clock.advance(Duration.ofSeconds(59));
            store.appendSamples(tick(clock.instant(), 1));
            assertThat(peek.samples()).isEqualTo(12);
            clock.advance(Duration.ofSeconds(1));
            store.appendSamples(tick(clock.instant(), 1));
            assertThat(peek.samples()).as("the oldest waited 60 s: committed").isEqualTo(15);
        }
    }

    @Test
    void closeCommitsWhatIsBufferedAndValuesComeBackWithTheirFlags() {
        Instant t = clock.instant();
        try (ReportStore store = open(1000)) {
            store.appendSamples(List.of(Sample.normal("pm25", t, 35.25), new Sample("pm25", t.plusSeconds(5), Double.NaN,
                    QualityFlag.D), new Sample("pm25", t.plusSeconds(10), 40, QualityFlag.C), Sample.normal("fan", t, 1)));
        }
        try (ReportStore store = open(1000)) {
            assertThat(store.samples("pm25", t, t.plusSeconds(10))).hasSize(2);
            List<Sample> all = store.samples("pm25", t, t.plusSeconds(11));
            assertThat(all).extracting(Sample::flag).containsExactly(QualityFlag.N, QualityFlag.D, QualityFlag.C);
            assertThat(all.get(0).value()).isEqualTo(35.25);
            assertThat(all.get(1).hasValue()).isFalse();
            assertThat(store.samples("nothing", t, t.plusSeconds(60))).isEmpty();
            assertThat(store.samples("fan", t, t.plusSeconds(60))).containsExactly(Sample.normal("fan", t, 1));
        }
    }

    @Test
    void rawSamplesOlderThanRawSampleDaysGo() {
        try (ReportStore store = open(100)) {
            for (int day = 0; day < 10; day++) {
                store.appendSamples(tick(T0.plus(Duration.ofDays(day)), 2));
            }
            store.flush();
            clock.set(T0.plus(Duration.ofDays(10)));
            store.maintain();
            assertThat(store.samples("ch0", T0, T0.plus(Duration.ofDays(11))))
                    .extracting(Sample::time).allSatisfy(t -> assertThat(t).isAfterOrEqualTo(T0.plus(Duration.ofDays(3))))
                    .hasSize(7);
        }
    }
}
