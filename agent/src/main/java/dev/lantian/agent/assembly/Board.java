package dev.lantian.agent.assembly;

import dev.lantian.agent.acquire.ChannelRouter;
import dev.lantian.agent.acquire.ChannelSource;
import dev.lantian.agent.config.Channel;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.measure.MeasureSettings;
import dev.lantian.agent.report.ClockQualitySource;
import dev.lantian.agent.uplink.CommandTarget;
import dev.lantian.agent.uplink.Uplink;
import dev.lantian.hardware.i2c.BoardIo;
import dev.lantian.hardware.time.BoardClock;
import dev.lantian.hardware.time.VirtualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * A whole board, wired from its site configuration in one place, read top-down:
 *
 * <pre>
 *   buses ─► Acquisition (one LineScheduler per bus) ─► ChannelRouter ─► Pipeline ─► Outbox ─► Uplink
 *                                                                          │            ▲
 *                                                                          └ SampleSink │ wake()
 *   bureau commands ─► Uplink ─► CommandTarget (the Pipeline) ─► EquipmentMonitor
 * </pre>
 *
 * Time, the buses' transports, the store and the uplink are injected ({@link Parts}), so the same
 * wiring runs on a Raspberry Pi and, on a {@link VirtualClock} with in-memory devices, in a test.
 */
public final class Board implements AutoCloseable {
    private static final Duration TICK = Duration.ofSeconds(1);

    private final BoardClock clock;
    private final Storage storage;
    private final Uplink uplink;
    private final Pipeline pipeline;
    private final Acquisition acquisition;
    private final ClockStepWatch steps;
    private volatile boolean running;
    private boolean closed;
    private Thread ticker;

    /**
     * What a board is built from besides its configuration.
     *
     * @param monotonicNanos a clock that never steps (System::nanoTime): the ticker compares the wall clock with it
     *                       every second and tells every stage of a step; null on a virtual clock
     */
    public record Parts(BoardClock clock, BoardIo io, BusLinks links, Storage.Factory storage, UplinkFactory uplink,
                        AliveMarker alive, ClockQualitySource clockQuality,
                        PipelineSettings settings,
                        LongSupplier monotonicNanos) {
        public Parts {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(io, "io");
            Objects.requireNonNull(links, "links");
            Objects.requireNonNull(storage, "storage");
            Objects.requireNonNull(uplink, "uplink");
            Objects.requireNonNull(alive, "alive");
            Objects.requireNonNull(clockQuality, "clockQuality");
            Objects.requireNonNull(settings, "settings");
        }
    }

    private Board(BoardClock clock, Storage storage, Uplink uplink, Pipeline pipeline, Acquisition acquisition,
                  ClockStepWatch steps) {
        this.clock = clock;
        this.steps = steps;
        this.storage = storage;
        this.uplink = uplink;
        this.pipeline = pipeline;
        this.acquisition = acquisition;
    }

    /** Opens the store, the uplink and every bus; nothing runs until {@link #start()}. */
    public static Board build(SiteConfig config, Parts parts) throws IOException {
        BoardClock clock = parts.clock();
        Storage storage = parts.storage().open(config, clock);
        Uplink uplink = null;
        try {
            // the uplink hands bureau commands to the pipeline, which does not exist yet: a forwarder bridges
            AtomicReference<Pipeline> target = new AtomicReference<>();
            CommandTarget commands = (level, at) -> target.get().setAlertLevel(level, at);
            uplink = parts.uplink().open(config, storage, commands, clock);
            AtomicReference<Acquisition> lines = new AtomicReference<>();
            Pipeline pipeline = new Pipeline(Pipeline.Parts.forSite(config, parts.clockQuality(), storage.monitorState(),
                    storage.recentSamples(), parts.alive(), storage.outbox(), storage.samples(), uplink,
                    () -> lines.get() == null ? List.of() : lines.get().counters(), null),
                    parts.settings(), clock.instant());
            target.set(pipeline);
            ChannelRouter router = new ChannelRouter(sources(config));
            lines.set(Acquisition.build(config, clock, parts.io(), parts.links(),
                    set -> pipeline.acceptAll(router.route(set))));
            ClockStepWatch steps = parts.monotonicNanos() == null ? null
                    : new ClockStepWatch(parts.monotonicNanos(), MeasureSettings.DEFAULT_CLOCK_STEP_TOLERANCE);
            return new Board(clock, storage, uplink, pipeline, lines.get(), steps);
        } catch (IOException | RuntimeException e) {
            closeQuietly(uplink);
            closeQuietly(storage);
            throw e;
        }
    }

    /** The flush lag a board needs: a sample may arrive after the longest poll (timeout × tries) plus a margin. */
    public static Duration flushLagFor(SiteConfig config) {
        Duration longest = config.devices().stream()
                .map(d -> d.timeout().multipliedBy(d.retries() + 1L))
                .max(Duration::compareTo).orElse(Duration.ZERO);
        return longest.plusSeconds(2).compareTo(PipelineSettings.DEFAULT_FLUSH_LAG) > 0
                ? longest.plusSeconds(2) : PipelineSettings.DEFAULT_FLUSH_LAG;
    }

    private static List<ChannelSource> sources(SiteConfig config) {
        return config.channels().stream()
                .map((Channel c) -> new ChannelSource(c.id(), c.source().device(), c.source().field())).toList();
    }

    /** Real time: starts the uplink, one thread per bus and the pipeline's one-second ticker. */
    public synchronized void start() {
        if (running) {
            throw new IllegalStateException("board already started");
        }
        running = true;
        uplink.start();
        acquisition.start();
        ticker = new Thread(this::tickForever, "pipeline-tick");
        ticker.setDaemon(true);
        ticker.start();
        Logger.info("board running: {} devices", acquisition.counters().size());
    }

    private void tickForever() {
        try {
            while (running) {
                Instant now = clock.instant();
                if (steps != null) {
                    steps.check(now).ifPresent(step -> pipeline.clockStepped(step.before(), step.after()));
                }
                pipeline.tick(now);
                clock.sleep(TICK);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Logger.error(e, "pipeline ticker stopped by a bug");
        }
    }

    /**
     * Virtual time: polls every bus and ticks the pipeline once a second of board time until
     * {@code end}, all in the calling thread. The uplink is started (once) as on a real board.
     */
    public void runUntil(Instant end) throws InterruptedException {
        if (!(clock instanceof VirtualClock virtual)) {
            throw new IllegalStateException("runUntil drives a virtual clock; a real board runs with start()");
        }
        synchronized (this) {
            if (!running) {
                running = true;
                uplink.start();
            }
        }
        for (Instant t = clock.instant().plus(TICK); !t.isAfter(end); t = t.plus(TICK)) {
            acquisition.runUntil(t);
            if (virtual.instant().isBefore(t)) {
                virtual.set(t);
            }
            pipeline.tick(virtual.instant());
        }
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public PipelineView view() {
        return pipeline.view();
    }

    /**
     * Stops in the order data flows: no more polls, then the pipeline publishes what it holds and saves
     * the equipment state, then the uplink disconnects cleanly, then the store flushes and closes.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(TICK.multipliedBy(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        acquisition.close();
        pipeline.shutdown(clock.instant());
        closeQuietly(uplink);
        closeQuietly(storage);
        Logger.info("board stopped");
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            Logger.warn("closing {}: {}", c, e.getMessage());
        }
    }
}
