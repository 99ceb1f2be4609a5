package dev.lantian.simulator.demo;

import dev.lantian.agent.assembly.AliveMarker;
import dev.lantian.agent.assembly.Board;
import dev.lantian.agent.assembly.BusLinks;
import dev.lantian.agent.assembly.PipelineSettings;
import dev.lantian.agent.assembly.RealComponents;
import dev.lantian.agent.assembly.Storage;
import dev.lantian.agent.assembly.UplinkFactory;
import dev.lantian.agent.config.ConfigException;
import dev.lantian.agent.config.ConfigLoader;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.report.StepAwareClockQuality;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.uplink.MqttSettings;
import dev.lantian.agent.uplink.MqttUplink;
import dev.lantian.hardware.i2c.BoardIo;
import dev.lantian.hardware.time.PacedClock;
import dev.lantian.hardware.time.VirtualClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The agent's real {@link Board} in the demo's JVM: built from the scenario's site file, on the
 * plant's {@link VirtualClock}, reading the virtual devices through {@link SimBusLinks}, storing
 * in a SQLite store in a temporary directory and publishing through the MQTT uplink. The board's
 * clock runs {@code clockOffset} ahead of the plant once the scenario steps it.
 */
final class BoardDemoAgent implements DemoAgent {
    private final Function<String, String> siteFile;
    private final Path dir;
    private final VirtualClock clock;
    private final BusLinks links;
    private final Supplier<Duration> clockOffset;
    private final SiteConfig preview;
    private Board board;
    private final BoardIo io;
    private Duration stepped = Duration.ZERO;

    /**
     * @param siteFile the site file's text for a broker url
     * @param io       the board's I2C and GPIO (the virtual site's chips behind Pi4J)
     */
    BoardDemoAgent(Function<String, String> siteFile, Path dir, VirtualClock clock, BusLinks links, BoardIo io,
                   Supplier<Duration> clockOffset) {
        this.siteFile = siteFile;
        this.io = io;
        this.dir = dir;
        this.clock = clock;
        this.links = links;
        this.clockOffset = clockOffset;
        this.preview = load("tcp://127.0.0.1:1883", "preview.yaml");
        if (preview.uplink().isEmpty()) {
            throw new IllegalArgumentException("the scenario's site file has no uplink.mqtt: the demo has nothing to receive");
        }
    }

    @Override
    public String topicPrefix() {
        return preview.uplink().orElseThrow().topicPrefix();
    }


    @Override
    public void start(String brokerUrl, Instant start) {
        SiteConfig config = load(brokerUrl, "site.yaml");
        StepAwareClockQuality quality = new StepAwareClockQuality(ClockQuality.SYNCED);
        Storage.Factory storage = RealComponents.storage(quality);
        UplinkFactory uplink = (c, s, commands, boardClock) -> {
            try {
                // A day passes in about two minutes: a reconnect backoff of minutes would span hours of
                // plant time, so the demo's uplink retries within a second of wall time.
                MqttSettings settings = MqttSettings.from(c, "demo").withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
                return MqttUplink.create(settings, s.outbox(), s.archive(), commands, new PacedClock(boardClock));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        try {
            board = Board.build(config, new Board.Parts(clock, io, links, storage, uplink,
                    AliveMarker.inMemory(), quality,
                    PipelineSettings.defaults().withFlushLag(Board.flushLagFor(config)), null));
        } catch (IOException e) {
            throw new UncheckedIOException("the demo board did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void advanceTo(Instant plantTime) {
        Duration offset = clockOffset.get();
        if (!offset.equals(stepped)) {
            // the scenario stepped the board's clock (as NTP would): the board learns of it like on a Pi
            Instant before = clock.instant();
            Instant after = before.plus(offset.minus(stepped));
            clock.set(after);
            board.pipeline().clockStepped(before, after);
            stepped = offset;
        }
        try {
            board.runUntil(plantTime.plus(offset));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo interrupted", e);
        }
    }

    @Override
    public long reportsCreated() {
        return board == null ? 0 : board.view().reports();
    }

    @Override
    public long reportsPending() {
        return board == null ? 0 : Math.max(0, board.view().uplink().pending());
    }

    @Override
    public Optional<String> commandTopic() {
        return Optional.of(topicPrefix() + "/" + preview.site().enterpriseCode() + "/" + preview.site().deviceId()
                + "/command");
    }

    @Override
    public String deviceId() {
        return preview.site().deviceId();
    }

    @Override
    public void close() {
        if (board != null) {
            board.close();
            board = null;
        }
        if (io != null) {
            io.close();
        }
    }

    private SiteConfig load(String brokerUrl, String name) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.writeString(file, siteFile.apply(brokerUrl), StandardCharsets.UTF_8);
            return ConfigLoader.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("the scenario's site file does not load: " + e.getMessage(), e);
        }
    }
}
