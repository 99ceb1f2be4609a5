package dev.lantian.hardware.sensor.sds;

import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.sensor.uart.FramedUartSensor;
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
public final class SdsSensor extends FramedUartSensor<SdsFrame> {
    public static final List<String> FIELDS = List.of("pm2_5", "pm10");
    /** Datasheet measuring range: 0.0-999.9 ug/m3. */
    public static final double RANGE_LIMIT = 999.9;

    private final SdsSettings settings;
    private final Instant cycleStart;

    public SdsSensor(String deviceId, ByteLink link, SdsSettings settings, BoardClock clock) {
        super(deviceId, link, clock, FIELDS, Objects.requireNonNull(settings, "settings").warmup(),
                settings.frameTimeout(), new SdsFrameDecoder());
        this.settings = settings;
        this.cycleStart = clock.instant();
    }

    @Override
    protected void beforeRead() {
        settings.dutyCycle().ifPresent(this::followDutyCycle);
    }

    @Override
    protected String asleepReason() {
        return settings.dutyCycle().isPresent() ? "asleep (duty cycle)" : "asleep";
    }

    @Override
    protected void configure() {
        link.write(SdsCommands.reportingMode(settings.mode() == SdsSettings.Mode.QUERY));
    }

    @Override
    protected void requestFrame() {
        if (settings.mode() == SdsSettings.Mode.QUERY) {
            link.write(SdsCommands.query());
        }
    }

    @Override
    protected byte[] sleepCommand() {
        return SdsCommands.sleep();
    }

    @Override
    protected byte[] wakeCommand() {
        return SdsCommands.work();
    }

    @Override
    protected byte[] raw(SdsFrame frame) {
        return frame.raw();
    }

    @Override
    protected List<Reading> readings(SdsFrame frame, boolean warming) {
        return List.of(reading("pm2_5", frame.pm2_5(), warming), reading("pm10", frame.pm10(), warming));
    }

    private void followDutyCycle(SdsSettings.DutyCycle cycle) {
        Duration intoCycle = Duration.between(cycleStart, clock.instant());
        long periodNanos = cycle.period().toNanos();
        long pos = Math.floorMod(intoCycle.toNanos(), periodNanos);
        boolean shouldWork = pos < cycle.work().toNanos();
        if (shouldWork && isAsleep()) {
            wake();
        } else if (!shouldWork && !isAsleep()) {
            sleep();
        }
    }

    private static Reading reading(String field, double value, boolean warming) {
        QualityFlag flag = warming ? QualityFlag.F : value > RANGE_LIMIT ? QualityFlag.T : QualityFlag.N;
        return new Reading(field, value, flag);
    }
}
