package dev.lantian.agent.assembly;

import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.report.ClockQualitySource;
import dev.lantian.agent.report.StepAwareClockQuality;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.ReportStore;
import dev.lantian.agent.store.SqliteMonitorStateStore;
import dev.lantian.agent.store.StoreSettings;
import dev.lantian.agent.store.StoredRecentSamples;
import dev.lantian.agent.uplink.MqttSettings;
import dev.lantian.agent.uplink.MqttUplink;
import dev.lantian.hardware.i2c.BoardIo;
import dev.lantian.hardware.time.BoardClock;
import java.nio.file.Path;

/**
 * THE place where the production store and uplink are chosen: the SQLite {@link ReportStore} at
 * {@code storage.path} (outbox, archive, raw samples, equipment snapshot, the recent raw samples the
 * snapshot leaves out) and the {@link MqttUplink} of
 * {@code uplink.mqtt} ({@link LocalOnlyUplink} when the site file has none). Everything else codes
 * against {@link Storage} and {@link dev.lantian.agent.uplink.Uplink}.
 */
public final class RealComponents {
    private RealComponents() {
    }

    /**
     * The parts of a real board running on the system clock.
     *
     * @param version the agent's version, announced by the uplink's birth message
     */
    public static Board.Parts forBoard(SiteConfig config, BoardClock clock, BoardIo io, ClockQuality clockBase,
                                       String version) {
        StepAwareClockQuality quality = new StepAwareClockQuality(clockBase);
        return new Board.Parts(clock, io, BusLinks.REAL, storage(quality), uplink(version),
                AliveMarker.file(besideStore(config, "alive")), quality, PipelineSettings.defaults().withFlushLag(Board.flushLagFor(config)), System::nanoTime);
    }

    private static Path besideStore(SiteConfig config, String name) {
        return config.storage().path().toAbsolutePath().resolveSibling(name);
    }

    /**
     * The SQLite store at {@code storage.path}: outbox, archive, raw samples and the equipment snapshot in
     * one file; its own alarms (storage.70pct …) carry the board's clock quality.
     */
    public static Storage.Factory storage(ClockQualitySource quality) {
        return (config, clock) -> {
            ReportStore store = ReportStore.open(config.storage().path(), StoreSettings.from(config), clock);
            store.clockQuality(() -> {
                java.time.Instant now = clock.instant();
                return quality.over(now, now);
            });
            return new Storage(store, store, store::appendSamples, new SqliteMonitorStateStore(store),
                    new StoredRecentSamples(store), store);
        };
    }

    /** The MQTT uplink of {@code uplink.mqtt}; without one the board keeps its local record only. */
    public static UplinkFactory uplink(String version) {
        return (config, storage, commands, clock) -> {
            if (config.uplink().isEmpty()) {
                return new LocalOnlyUplink(storage.outbox());
            }
            return MqttUplink.create(MqttSettings.from(config, version), storage.outbox(), storage.archive(), commands,
                    clock);
        };
    }
}
