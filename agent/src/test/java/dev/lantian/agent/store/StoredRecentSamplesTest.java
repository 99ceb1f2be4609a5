package dev.lantian.agent.store;

import static dev.lantian.agent.store.Drafts.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.time.VirtualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredRecentSamplesTest {
    @TempDir
    Path dir;

    @Test
    void theEquipmentStageReadsBackBothEndsOfItsWindowAndTheBatchNotYetCommitted() {
        VirtualClock clock = new VirtualClock(T0, ZoneOffset.UTC);
        Path file = dir.resolve("lantian.db");
        StoreSettings s = StoreSettings.from(new SiteConfig.Storage(file, 16, 90, 7)).withSampleBatch(1000, Duration.ofSeconds(60));
        try (ReportStore store = ReportStore.open(file, s, clock)) {
            for (int i = 0; i < 10; i++) {
                store.appendSamples(SampleStoreTest.tick(T0.plusSeconds(5L * i), 3));
            }
            List<Sample> read = new StoredRecentSamples(store).between(List.of("ch0", "ch2"), T0.plusSeconds(10), T0.plusSeconds(20));

            assertThat(read).extracting(Sample::channel).containsOnly("ch0", "ch2");
            assertThat(read).extracting(Sample::time).containsOnly(T0.plusSeconds(10), T0.plusSeconds(15), T0.plusSeconds(20));
            assertThat(read).hasSize(6);
        }
    }
}
