package dev.lantian.simulator.bench;

import dev.lantian.simulator.demo.EmbeddedBroker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench's bookkeeping (not its figures) with stand-in boards through the embedded broker. */
class BenchRunTest {

    @Test
    void everySampleIsCountedAndEveryReportGetsALatency() throws Exception {
        List<CountingBoard> opened = new CopyOnWriteArrayList<>();
        BenchRun.Settings settings = new BenchRun.Settings(2, 5, Duration.ofSeconds(300), 0, Duration.ofSeconds(10));
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            BenchResult r = new BenchRun(settings, (i, channels, url, start) -> {
                CountingBoard b = new CountingBoard(i, url);
                opened.add(b);
                return b;
            }).run(broker.url());

            assertThat(r.samples()).isEqualTo(2 * 5 * 300);
            assertThat(opened).extracting(b -> b.samples).containsExactly(1500L, 1500L);
            assertThat(r.created()).isEqualTo(2 * 10);
            assertThat(r.tally().accepted()).isEqualTo(20);
            assertThat(r.latencies().count()).isEqualTo(20);
            assertThat(r.latencies().percentile(50)).isPositive();
            assertThat(r.render()).contains("samples/s").contains("p50").contains("p99").contains("RSS").contains("CPU time");
        }
    }
}
