package dev.lantian.agent.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.model.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceBufferTest {
    private static final Instant T0 = Instant.parse("2026-11-10T00:00:00Z");

    @Test
    void theBufferKeepsOnlyTheRetentionAndNeverMoreThanItsCapPerChannel() {
        EvidenceBuffer b = new EvidenceBuffer(Duration.ofMinutes(40));
        for (int s = 0; s < 24 * 3600; s++) { // a day of a 1 s contact
            b.add(Sample.normal("fan-run", T0.plusSeconds(s), s % 2));
        }
        List<Sample> all = b.window(List.of("fan-run"), Instant.MIN, Instant.MAX);
        assertThat(all).hasSizeLessThanOrEqualTo(EvidenceBuffer.MAX_PER_CHANNEL);
        assertThat(all.get(0).time()).isAfterOrEqualTo(T0.plusSeconds(24 * 3600 - 1).minus(Duration.ofMinutes(40)));
    }

    @Test
    void aWindowReturnsTheInvolvedChannelsOnlyInTimeOrderBoundsIncluded() {
        EvidenceBuffer b = new EvidenceBuffer(Duration.ofHours(1));
        for (int s = 0; s < 60; s += 5) {
            b.add(Sample.normal("a", T0.plusSeconds(s), s));
            b.add(Sample.normal("b", T0.plusSeconds(s), -s));
            b.add(Sample.normal("c", T0.plusSeconds(s), 0));
        }
        List<Sample> w = b.window(List.of("b", "a"), T0.plusSeconds(10), T0.plusSeconds(20));
        assertThat(w).extracting(Sample::channel).containsExactly("a", "b", "a", "b", "a", "b");
        assertThat(w).extracting(Sample::time).isSorted();
        assertThat(w.get(0).time()).isEqualTo(T0.plusSeconds(10));
        assertThat(w.get(w.size() - 1).time()).isEqualTo(T0.plusSeconds(20));
    }
}
