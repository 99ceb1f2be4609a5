package dev.lantian.agent.assembly;

import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.equipment.JsonFileMonitorStateStore;
import dev.lantian.agent.equipment.MonitorStateStore;
import dev.lantian.agent.report.StepAwareClockQuality;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.hardware.i2c.BoardIo;
import dev.lantian.hardware.time.BoardClock;
import java.nio.file.Path;

/**
 * THE place where the production store and uplink are chosen: everything else codes against
 * {@link Storage} and {@link dev.lantian.agent.uplink.Uplink}. Filled in when the SQLite store
 * ({@code agent.store.ReportStore}) and the MQTT uplink ({@code agent.uplink.MqttUplink}) are merged;
 * until then opening either fails with a clear "not available" error, and {@code run} says so and exits.
 */
public final class RealComponents {
    private RealComponents() {
    }

    /** The parts of a real board running on the system clock. */
    public static Board.Parts forBoard(SiteConfig config, BoardClock clock, BoardIo io, ClockQuality clockBase) {
        return new Board.Parts(clock, io, BusLinks.REAL, storage(), uplink(), monitorState(config),
                new StepAwareClockQuality(clockBase),
                PipelineSettings.defaults().withFlushLag(Board.flushLagFor(config)), System::nanoTime);
    }

    /** The equipment monitor's state, next to the store's database file. */
    public static MonitorStateStore monitorState(SiteConfig config) {
        Path db = config.storage().path().toAbsolutePath();
        return new JsonFileMonitorStateStore(db.resolveSibling("equipment-state.json"));
    }

    /** The SQLite store at {@code storage.path}. */
    public static Storage.Factory storage() {
        return (config, clock) -> {
            throw new IllegalStateException("the SQLite report store is not available in this build "
                    + "(agent.store.ReportStore not merged yet); the agent cannot run without a durable store");
        };
    }

    /** The MQTT uplink of {@code uplink.mqtt}; without one the board keeps its local record only. */
    public static UplinkFactory uplink() {
        return (config, storage, commands, clock) -> {
            if (config.uplink().isEmpty()) {
                return new LocalOnlyUplink(storage.outbox());
            }
            throw new IllegalStateException("the MQTT uplink is not available in this build "
                    + "(agent.uplink.MqttUplink not merged yet)");
        };
    }
}
