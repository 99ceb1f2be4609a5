package dev.lantian.hardware.sensor.uart;

import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.serial.ByteLink;
import dev.lantian.hardware.time.BoardClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What every framed UART particulate driver does the same way: wait for a frame through a
 * {@link FramePump}, flag warm-up and sleep {@code F}, silence {@code B}, and (re)send its
 * configuration on the first read and whenever the link comes back (a replugged sensor restarts in
 * its factory mode). A driver supplies its commands and how a frame becomes readings.
 *
 * @param <F> the driver's frame
 */
public abstract class FramedUartSensor<F> implements UartSensor {
    protected final String deviceId;
    protected final ByteLink link;
    protected final BoardClock clock;
    private final List<String> fields;
    private final Duration frameTimeout;
    private final FramePump<F> pump;
    private final Warmup warmup;
    private boolean configured;
    private boolean asleep;
    private byte[] lastFrame = new byte[0];

    protected FramedUartSensor(String deviceId, ByteLink link, BoardClock clock, List<String> fields,
                               Duration warmup, Duration frameTimeout, FrameDecoder<F> decoder) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.link = Objects.requireNonNull(link, "link");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fields = List.copyOf(fields);
        this.frameTimeout = Objects.requireNonNull(frameTimeout, "frameTimeout");
        this.warmup = new Warmup(warmup, clock.instant());
        this.pump = new FramePump<>(link, decoder, clock, this::reconnected);
    }

    /** The mode command(s) sent on the first read and after the link came back. */
    protected abstract void configure();

    /** Asks for a frame before waiting (passive/query mode); nothing in active mode. */
    protected abstract void requestFrame();

    protected abstract byte[] sleepCommand();

    protected abstract byte[] wakeCommand();

    /** The readings of one valid frame; {@code warming} readings must be flagged F. */
    protected abstract List<Reading> readings(F frame, boolean warming);

    /** Wire bytes of a frame, kept for {@link #lastFrame()}. */
    protected abstract byte[] raw(F frame);

    /** Called at the start of every read (duty cycles); nothing by default. */
    protected void beforeRead() {
    }

    /** Why a read while asleep returned nothing. */
    protected String asleepReason() {
        return "asleep";
    }

    protected final boolean isAsleep() {
        return asleep;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public ReadingSet read() {
        beforeRead();
        if (asleep) {
            return StoppedReadings.of(deviceId, clock.instant(), fields, asleepReason());
        }
        if (!configured) {
            configure();
            configured = true;
        }
        requestFrame();
        FramePump.Outcome<F> outcome = pump.next(frameTimeout);
        if (outcome instanceof FramePump.Received<F> r) {
            return decode(r.frame(), r.at());
        }
        return ReadingSet.silent(deviceId, clock.instant(), ((FramePump.Silent<F>) outcome).why());
    }

    @Override
    public void sleep() {
        link.write(sleepCommand());
        asleep = true;
        pump.discardQueued();
    }

    @Override
    public void wake() {
        link.write(wakeCommand());
        asleep = false;
        configured = false;
        warmup.restart(clock.instant());
        pump.discardQueued();
    }

    @Override
    public byte[] lastFrame() {
        return lastFrame.clone();
    }

    @Override
    public SensorCounters counters() {
        return pump.counters();
    }

    @Override
    public void close() {
        link.close();
    }

    private ReadingSet decode(F frame, Instant at) {
        lastFrame = raw(frame);
        boolean warming = warmup.isWarmingUp(at);
        List<Reading> readings = readings(frame, warming);
        return warming
                ? new ReadingSet(deviceId, at, readings, QualityFlag.F, "warming up until " + warmup.until())
                : ReadingSet.of(deviceId, at, readings);
    }

    private void reconnected() {
        warmup.restart(clock.instant());
        configure();
        configured = true;
        requestFrame();
    }
}
