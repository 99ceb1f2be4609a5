package dev.lantian.agent.uplink.bench;

import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.config.SiteConfig.MqttProtocol;
import dev.lantian.agent.store.MemoryOutbox;
import dev.lantian.agent.store.Outbox;
import dev.lantian.agent.store.ReportArchive;
import dev.lantian.agent.store.ReportDraft;
import dev.lantian.agent.store.ReportStore;
import dev.lantian.agent.store.StoreSettings;
import dev.lantian.agent.uplink.MqttSettings;
import dev.lantian.agent.uplink.MqttUplink;
import dev.lantian.hardware.time.BoardClock;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How fast the backlog lane drains against a broker, in reports per second, with the pacing set
 * far above what the link can do. Not a test: run by hand (see NOTES / docs/uplink.md):
 * {@code java -cp <test classpath> dev.lantian.agent.uplink.bench.BacklogDrain URL COUNT PROTOCOL(3|5) WINDOW [SQLITE_FILE]}
 */
public final class BacklogDrain {
    private BacklogDrain() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "tcp://127.0.0.1:1883";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        MqttProtocol protocol = args.length > 2 && args[2].equals("5") ? MqttProtocol.V5 : MqttProtocol.V3_1_1;
        int window = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        String device = "0123456789ABCDEF01234567";
        Outbox outbox;
        ReportArchive archive;
        String store;
        if (args.length > 4) {
            java.nio.file.Path db = java.nio.file.Path.of(args[4]);
            java.nio.file.Files.deleteIfExists(db);
            ReportStore sqlite = ReportStore.open(db, StoreSettings.from(new SiteConfig.Storage(db, 1024, 90, 7))
                    .withAgentDevice(device), Clock.systemUTC());
            outbox = sqlite;
            archive = sqlite;
            store = "SQLite " + db;
        } else {
            MemoryOutbox memory = new MemoryOutbox(Clock.systemUTC());
            outbox = memory;
            archive = memory;
            store = "memory";
        }
        List<ReportDraft> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drafts.add(BenchDrafts.minute(device, i, 16));
        }
        for (int i = 0; i < drafts.size(); i += 500) {
            outbox.append(drafts.subList(i, Math.min(drafts.size(), i + 500)));
        }
        MqttSettings s = MqttSettings.of(url, protocol, "bench", device).withBacklogRate(1_000_000)
                .withMaxInFlight(window).withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        long t0 = System.nanoTime();
        try (MqttUplink uplink = MqttUplink.create(s, outbox, archive, (l, t) -> { }, BoardClock.system(ZoneOffset.UTC))) {
            uplink.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (outbox.pendingCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("drained %d reports (16 channels each, %d acknowledged by the broker) from %s over MQTT %s,"
                            + " window %d, in %.2f s: %.0f reports/s%n", count - outbox.pendingCount(),
                    uplink.view().acknowledged(), store,
                    protocol == MqttProtocol.V5 ? "5" : "3.1.1", window, seconds,
                    (count - outbox.pendingCount()) / seconds);
        }
    }
}
