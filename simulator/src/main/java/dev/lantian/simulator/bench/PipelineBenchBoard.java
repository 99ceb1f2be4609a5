package dev.lantian.simulator.bench;

import dev.lantian.agent.assembly.AliveMarker;
import dev.lantian.agent.assembly.Pipeline;
import dev.lantian.agent.assembly.PipelineSettings;
import dev.lantian.agent.config.ConfigException;
import dev.lantian.agent.config.ConfigLoader;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.equipment.InMemoryMonitorStateStore;
import dev.lantian.agent.store.StoredRecentSamples;
import dev.lantian.agent.model.Sample;
import dev.lantian.agent.report.StepAwareClockQuality;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.ReportStore;
import dev.lantian.agent.store.StoreSettings;
import dev.lantian.agent.uplink.MqttSettings;
import dev.lantian.agent.uplink.MqttUplink;
import dev.lantian.hardware.time.PacedClock;
import dev.lantian.hardware.time.VirtualClock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A bench board: the agent's real {@link Pipeline} for a generated site file of M PM10 channels,
 * its SQLite store (raw samples kept) in a temporary directory and its MQTT uplink, on a virtual
 * clock the bench moves one second per poll.
 */
final class PipelineBenchBoard implements BenchBoard {
    private final String device;
    private final Path dir;
    private final VirtualClock clock;
    private final ReportStore store;
    private final MqttUplink uplink;
    private final Pipeline pipeline;
    private final String prefix;

    PipelineBenchBoard(int index, int channels, String brokerUrl, Instant start) throws IOException, ConfigException {
        this.device = String.format("BE0C%020X", index + 1);
        this.dir = Files.createTempDirectory("lantian-bench");
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, siteFile(device, channels, brokerUrl, dir.resolve("store.db")), StandardCharsets.UTF_8);
        SiteConfig config = ConfigLoader.load(site);
        this.prefix = config.uplink().orElseThrow().topicPrefix();
        this.clock = new VirtualClock(start, ZoneOffset.UTC);
        this.store = ReportStore.open(config.storage().path(), StoreSettings.from(config), clock);
        this.uplink = MqttUplink.create(MqttSettings.from(config, "bench"), store, store, (level, at) -> { },
                new PacedClock(clock));
        StepAwareClockQuality quality = new StepAwareClockQuality(ClockQuality.SYNCED);
        this.pipeline = new Pipeline(Pipeline.Parts.forSite(config, quality, new InMemoryMonitorStateStore(),
                new StoredRecentSamples(store), AliveMarker.inMemory(), store,
                store::appendSamples, uplink, List::of, null), PipelineSettings.defaults(), start);
    }

    static String siteFile(String device, int channels, String brokerUrl, Path db) {
        StringBuilder b = new StringBuilder();
        b.append("site: { enterprise: Bench, enterprise_code: bench, device_id: ").append(device)
                .append(", time_zone: UTC, system_code: 22 }\n")
                .append("reporting: { realtime_interval: 30s, minute_interval: 1m }\n")
                .append("buses:\n  - { id: rs485, type: serial, port: /dev/null, baud: 9600 }\n")
                .append("devices:\n");
        for (int c = 0; c < channels; c++) {
            b.append("  - { id: dust").append(c + 1).append(", type: modbus, bus: rs485, unit: ").append(c % 247 + 1)
                    .append(", register_map: generic-dust-monitor, poll_period: 1s }\n");
        }
        b.append("channels:\n");
        for (int c = 0; c < channels; c++) {
            b.append("  - { id: ").append(BenchBoard.channelId(c)).append(", quantity: pm10, unit: ug/m3, source: { device: dust")
                    .append(c + 1).append(", field: pm10 }, sampling_period: 1s, hj212_code: a34002 }\n");
        }
        b.append("uplink:\n  mqtt: { url: \"").append(brokerUrl).append("\", protocol: \"3.1.1\", client_id: lantian-")
                .append(device).append(", topic_prefix: lantian, backlog_rate: 1000 }\n")
                .append("storage: { path: \"").append(db).append("\", max_size_mb: 256, max_age_days: 90, raw_sample_days: 7 }\n");
        return b.toString();
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public String topicPrefix() {
        return prefix;
    }

    @Override
    public void start() {
        uplink.start();
    }

    @Override
    public void feed(List<Sample> samples, Instant t) {
        clock.set(t);
        pipeline.acceptAll(samples);
        pipeline.tick(t);
    }

    @Override
    public long reportsCreated() {
        return pipeline.view().reports();
    }

    @Override
    public long reportsPending() {
        return store.pendingCount();
    }

    @Override
    public void close() {
        pipeline.shutdown(clock.instant());
        uplink.close();
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
