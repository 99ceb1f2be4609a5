package dev.lantian.agent.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.equipment.bench.DemoLoad;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The snapshot is saved every 5 min to the board's SD card: at the demo's equipment load it must stay
 * a few kB, whatever the number of recent samples (docs/storage.md has the measured figures).
 */
class SnapshotSizeTest {
    private static final int BOUND = 32 * 1024;

    @Test
    void theSnapshotStaysSmallAtTheDemoLoadEvenWithEventsOpen() {
        MonitorSettings settings = DemoLoad.settings();
        EquipmentMonitor monitor = new EquipmentMonitor(settings, MonitorSink.NONE, DemoLoad.START);
        List<Integer> sizes = new ArrayList<>();
        int[] mostOpen = {0};
        Instant[] next = {DemoLoad.START};
        DemoLoad.run(monitor, settings, DemoLoad.START, DemoLoad.START.plus(Duration.ofHours(6)), t -> {
            if (!t.isBefore(next[0])) {
                MonitorSnapshot s = monitor.snapshot(t);
                mostOpen[0] = Math.max(mostOpen[0], s.openEvents().size());
                sizes.add(json(s).length);
                next[0] = t.plus(Duration.ofMinutes(5));
            }
        });

        assertThat(DemoLoad.channels(settings)).hasSizeGreaterThanOrEqualTo(16);
        assertThat(sizes).hasSizeGreaterThan(70);
        assertThat(mostOpen[0]).as("some saves had open events (the filter stop)").isPositive();
        assertThat(sizes).allSatisfy(n -> assertThat(n).isLessThan(BOUND));
    }

    private static byte[] json(MonitorSnapshot s) {
        try {
            return SnapshotJson.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
