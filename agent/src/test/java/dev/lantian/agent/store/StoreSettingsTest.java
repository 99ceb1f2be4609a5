package dev.lantian.agent.store;

import dev.lantian.agent.config.SiteConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreSettingsTest {
    @Test
    void theConfiguredStorageBecomesTheStoreLimitsWithDefaultBatching() {
        StoreSettings s = StoreSettings.from(new SiteConfig.Storage(Path.of("/var/lib/lantian/x.db"), 512, 120, 3));
        assertThat(s.file()).isEqualTo(Path.of("/var/lib/lantian/x.db"));
        assertThat(s.maxBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(s.maxAgeDays()).isEqualTo(120);
        assertThat(s.rawSampleDays()).isEqualTo(3);
        assertThat(s.sampleBatch()).isEqualTo(StoreSettings.DEFAULT_SAMPLE_BATCH);
        assertThat(s.sampleBatchInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.withAgentDevice("MN-7").agentDevice()).isEqualTo("MN-7");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> StoreSettings.from(new SiteConfig.Storage(Path.of("x.db"), 0, 120, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_size_mb=0");
    }
}
