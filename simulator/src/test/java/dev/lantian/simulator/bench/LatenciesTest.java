package dev.lantian.simulator.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatenciesTest {

    @Test
    void percentilesByNearestRank() {
        Latencies l = new Latencies();
        for (long v = 100; v >= 1; v--) {
            l.add(v * 10);
        }
        assertThat(l.count()).isEqualTo(100);
        assertThat(l.percentile(50)).isEqualTo(500);
        assertThat(l.percentile(99)).isEqualTo(990);
        assertThat(l.percentile(100)).isEqualTo(1000);
        assertThat(l.percentile(0.5)).isEqualTo(10);
    }

    @Test
    void emptyHasNoPercentileAndNonsenseIsRefused() {
        assertThat(new Latencies().percentile(50)).isEqualTo(-1);
        assertThatThrownBy(() -> new Latencies().percentile(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void residentMemoryIsReadFromProcStatus() {
        assertThat(ProcessFigures.vmRss("Name:\tjava\nVmPeak:\t 999 kB\nVmRSS:\t  204800 kB\n")).contains(204800L);
        assertThat(ProcessFigures.vmRss("Name:\tjava\n")).isEmpty();
        assertThat(ProcessFigures.cpuTime()).isPresent();
    }
}
