package dev.lantian.hardware.sensor.sds;

import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.sensor.uart.FramePump;
import dev.lantian.hardware.sensor.uart.SensorCounters;
import dev.lantian.hardware.sensor.uart.StoppedReadings;
import dev.lantian.hardware.sensor.uart.UartSensor;
import dev.lantian.hardware.sensor.uart.Warmup;
import dev.lantian.hardware.serial.ByteLink;
import dev.lantian.hardware.time.BoardClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Driver for the Nova SDS011 (9600 8N1). Fields (FIELDS.md): {@code pm2_5}, {@code pm10} in ug/m3,
 * 0.1 resolution. Values above the datasheet range 999.9 are flagged {@code T}; readings during
 * warm-up or sleep {@code F} (see {@link Warmup} for why F, not M); silence or a lost link a
 * {@code B} set.
 *
 * <p>With a duty cycle the driver wakes the sensor at the start of each work phase and puts it to
 * sleep at the end, judging phases on the injected clock at each {@link #read()}; a manual
 * {@link #sleep()}/{@link #wake()} is overridden by the cycle at the next read.
 */
public final class SdsSensor implements UartSensor {
    public static final List<String> FIELDS = List.of("pm2_5", "pm10");
    /** Datasheet measuring range: 0.0-999.9 ug/m3. */
    public static final double RANGE_LIMIT = 999.9;

    private final String deviceId;
    private final ByteLink link;
    private final SdsSettings settings;
    private final BoardClock clock;
    private final FramePump<SdsFrame> pump;
    private final Warmup warmup;
    private final Instant cycleStart;
    private boolean configured;
    private boolean asleep;
    private byte[] lastFrame = new byte[0];

    public SdsSensor(String deviceId, ByteLink link, SdsSettings settings, BoardClock clock) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.link = Objects.requireNonNull(link, "link");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cycleStart = clock.instant();
        this.warmup = new Warmup(settings.warmup(), cycleStart);
        this.pump = new FramePump<>(link, new SdsFrameDecoder(), clock, this::reconnected);
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public ReadingSet read() {
        settings.dutyCycle().ifPresent(this::followDutyCycle);
        if (asleep) {
            return StoppedReadings.of(deviceId, clock.instant(), FIELDS,
                    settings.dutyCycle().isPresent() ? "asleep (duty cycle)" : "asleep");
        }
        if (!configured) {
            configure();
        }
        if (settings.mode() == SdsSettings.Mode.QUERY) {
            link.write(SdsCommands.query());
        }
        FramePump.Outcome<SdsFrame> outcome = pump.next(settings.frameTimeout());
        if (outcome instanceof FramePump.Received<SdsFrame> r) {
            return decode(r.frame(), r.at());
        }
        return ReadingSet.silent(deviceId, clock.instant(), ((FramePump.Silent<SdsFrame>) outcome).why());
    }

    @Override
    public void sleep() {
        link.write(SdsCommands.sleep());
        asleep = true;
        pump.discardQueued();
    }

    @Override
    public void wake() {
        link.write(SdsCommands.work());
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

    private void followDutyCycle(SdsSettings.DutyCycle cycle) {
        Duration intoCycle = Duration.between(cycleStart, clock.instant());
        long periodNanos = cycle.period().toNanos();
        long pos = Math.floorMod(intoCycle.toNanos(), periodNanos);
        boolean shouldWork = pos < cycle.work().toNanos();
        if (shouldWork && asleep) {
            wake();
        } else if (!shouldWork && !asleep) {
            sleep();
        }
    }

    private ReadingSet decode(SdsFrame frame, Instant at) {
        lastFrame = frame.raw();
        boolean warming = warmup.isWarmingUp(at);
        List<Reading> readings = List.of(reading("pm2_5", frame.pm2_5(), warming),
                reading("pm10", frame.pm10(), warming));
        return warming
                ? new ReadingSet(deviceId, at, readings, QualityFlag.F, "warming up until " + warmup.until())
                : ReadingSet.of(deviceId, at, readings);
    }

    private static Reading reading(String field, double value, boolean warming) {
        QualityFlag flag = warming ? QualityFlag.F : value > RANGE_LIMIT ? QualityFlag.T : QualityFlag.N;
        return new Reading(field, value, flag);
    }

    private void configure() {
        link.write(SdsCommands.reportingMode(settings.mode() == SdsSettings.Mode.QUERY));
        configured = true;
    }

    private void reconnected() {
        warmup.restart(clock.instant());
        configure();
        if (settings.mode() == SdsSettings.Mode.QUERY) {
            link.write(SdsCommands.query());
        }
    }
}
