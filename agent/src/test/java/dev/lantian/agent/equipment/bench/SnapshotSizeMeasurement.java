package dev.lantian.agent.equipment.bench;

import dev.lantian.agent.equipment.EquipmentMonitor;
import dev.lantian.agent.equipment.MonitorSettings;
import dev.lantian.agent.equipment.MonitorSink;
import dev.lantian.agent.equipment.SnapshotJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: drives the equipment monitor at the demo's load ({@link DemoLoad}, 24 channels at 5 s)
 * for a number of virtual hours and prints the size of the snapshot JSON the pipeline would save every
 * {@code PipelineSettings.DEFAULT_STATE_SAVE} (5 min): mean, max and bytes a day. Usage (docs/storage.md):
 * {@code SnapshotSizeMeasurement [hours=6]}.
 */
public final class SnapshotSizeMeasurement {
    private static final Duration SAVE_EVERY = Duration.ofMinutes(5);

    private SnapshotSizeMeasurement() {
    }

    public static void main(String[] args) {
        int hours = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        MonitorSettings settings = DemoLoad.settings();
        EquipmentMonitor monitor = new EquipmentMonitor(settings, MonitorSink.NONE, DemoLoad.START);
        List<Integer> sizes = new ArrayList<>();
        long[] nanos = {0};
        Instant[] nextSave = {DemoLoad.START.plus(SAVE_EVERY)};
        DemoLoad.run(monitor, settings, DemoLoad.START, DemoLoad.START.plus(Duration.ofHours(hours)), t -> {
            if (!t.isBefore(nextSave[0])) {
                long n0 = System.nanoTime();
                try {
                    sizes.add(SnapshotJson.write(monitor.snapshot(t)).length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                nanos[0] += System.nanoTime() - n0;
                nextSave[0] = t.plus(SAVE_EVERY);
            }
        });
        double mean = sizes.stream().mapToInt(Integer::intValue).average().orElse(0);
        int max = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        long perDay = Math.round(mean * Duration.ofDays(1).dividedBy(SAVE_EVERY));
        System.out.printf("%d channels at %ds, %d h virtual, %d snapshots every %s%n", DemoLoad.channels(settings).size(),
                DemoLoad.STEP.getSeconds(), hours, sizes.size(), SAVE_EVERY);
        System.out.printf("snapshot bytes: mean %.0f, max %d; %.1f MB/day at one save per %s; %.1f ms per snapshot+JSON%n",
                mean, max, perDay / 1e6, SAVE_EVERY, nanos[0] / 1e6 / Math.max(1, sizes.size()));
    }
}
