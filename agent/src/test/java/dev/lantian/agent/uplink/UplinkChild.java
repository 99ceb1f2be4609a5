package dev.lantian.agent.uplink;

import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.config.SiteConfig.MqttProtocol;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportDraft;
import dev.lantian.agent.store.ReportStore;
import dev.lantian.agent.store.StoreSettings;
import dev.lantian.hardware.time.BoardClock;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Test-scope main for {@link SigkillTest}: a board's store and uplink in their own JVM. Appends four
 * reports every couple of milliseconds while the uplink publishes, prints "ready" once connected; the
 * test kills it with SIGKILL. With "final" it appends 100 more, waits until the outbox is empty and
 * prints "drained LAST_SEQUENCE".
 */
public final class UplinkChild {
    private UplinkChild() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        String url = args[1];
        MqttProtocol protocol = "5".equals(args[2]) ? MqttProtocol.V5 : MqttProtocol.V3_1_1;
        boolean last = args.length > 3 && "final".equals(args[3]);
        ReportStore store = ReportStore.open(db, StoreSettings.from(new SiteConfig.Storage(db, 64, 90, 7))
                .withAgentDevice(Drafts.DEVICE), Clock.systemUTC());
        MqttSettings s = MqttSettings.of(url, protocol, "ent-1", Drafts.DEVICE).withBacklogRate(1000)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
        MqttUplink uplink = MqttUplink.create(s, store, store, (l, t) -> { }, BoardClock.system(ZoneOffset.UTC));
        uplink.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!uplink.view().connected() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        System.out.println("ready");
        System.out.flush();
        long lastSequence = 0;
        // recent acquisition times: the store deletes reports older than max_age_days, sent or not
        Instant yesterday = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        for (int m = 0; !last || m < 100; m += 4) {
            // a minute boundary brings several reports at once, committed in one transaction
            List<ReportDraft> drafts = new java.util.ArrayList<>();
            for (int k = m; k < m + 4; k++) {
                drafts.add(Drafts.minute(yesterday, k % 1440, 16));
            }
            List<Report> batch = store.append(drafts);
            lastSequence = batch.get(batch.size() - 1).sequence();
            uplink.wake();
            Thread.sleep(2);
        }
        while (store.pendingCount() > 0 && System.nanoTime() < deadline + Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(10);
        }
        System.out.println("drained " + lastSequence + " pending " + store.pendingCount());
        System.out.flush();
        uplink.close();
        store.close();
    }
}
