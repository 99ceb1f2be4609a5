package dev.lantian.hardware.sensor.pms;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Driver for the Plantower PMS5003 and PMS7003 (same frame, same commands; 9600 8N1).
 *
 * <p>Fields (FIELDS.md): {@code pm1_0_cf1, pm2_5_cf1, pm10_cf1} (CF=1), {@code pm1_0, pm2_5, pm10}
 * (atmospheric), ug/m3; {@code n0_3 ... n10} particles per 0.1 L. Mass values above
 * {@link PmsSettings#rangeLimit()} are flagged {@code T}; everything during warm-up or sleep is
 * flagged {@code F} (see {@link Warmup} for why F); silence or a lost link gives a {@code B} set.
 *
 * <p>The reporting mode is (re)sent on the first read and whenever the link comes back, because a
 * replugged sensor restarts in active mode.
 */
public final class PmsSensor implements UartSensor {
    /** Field names in data-word order (words 0-11). */
    public static final List<String> FIELDS = List.of("pm1_0_cf1", "pm2_5_cf1", "pm10_cf1", "pm1_0", "pm2_5",
            "pm10", "n0_3", "n0_5", "n1_0", "n2_5", "n5_0", "n10");
    private static final int MASS_FIELDS = 6;

    private final String deviceId;
    private final ByteLink link;
    private final PmsSettings settings;
    private final BoardClock clock;
    private final FramePump<PmsFrame> pump;
    private final Warmup warmup;
    private boolean configured;
    private boolean asleep;
    private byte[] lastFrame = new byte[0];

    public PmsSensor(String deviceId, ByteLink link, PmsSettings settings, BoardClock clock) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.link = Objects.requireNonNull(link, "link");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warmup = new Warmup(settings.warmup(), clock.instant());
        this.pump = new FramePump<>(link, new PmsFrameDecoder(), clock, this::reconnected);
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public ReadingSet read() {
        if (asleep) {
            return StoppedReadings.of(deviceId, clock.instant(), FIELDS, "asleep");
        }
        if (!configured) {
            configure();
        }
        if (settings.mode() == PmsSettings.Mode.PASSIVE) {
            link.write(PmsCommands.readPassive());
        }
        FramePump.Outcome<PmsFrame> outcome = pump.next(settings.frameTimeout());
        if (outcome instanceof FramePump.Received<PmsFrame> r) {
            return decode(r.frame(), r.at());
        }
        return ReadingSet.silent(deviceId, clock.instant(), ((FramePump.Silent<PmsFrame>) outcome).why());
    }

    @Override
    public void sleep() {
        link.write(PmsCommands.sleep());
        asleep = true;
        pump.discardQueued();
    }

    @Override
    public void wake() {
        link.write(PmsCommands.wake());
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

    private ReadingSet decode(PmsFrame frame, Instant at) {
        lastFrame = frame.raw();
        boolean warming = warmup.isWarmingUp(at);
        List<Reading> readings = new ArrayList<>(FIELDS.size());
        for (int i = 0; i < FIELDS.size(); i++) {
            int v = frame.word(i);
            QualityFlag flag = warming ? QualityFlag.F
                    : i < MASS_FIELDS && v > settings.rangeLimit() ? QualityFlag.T : QualityFlag.N;
            readings.add(new Reading(FIELDS.get(i), v, flag));
        }
        return warming
                ? new ReadingSet(deviceId, at, readings, QualityFlag.F, "warming up until " + warmup.until())
                : ReadingSet.of(deviceId, at, readings);
    }

    private void configure() {
        link.write(settings.mode() == PmsSettings.Mode.PASSIVE ? PmsCommands.passiveMode() : PmsCommands.activeMode());
        configured = true;
    }

    private void reconnected() {
        warmup.restart(clock.instant());
        configure();
        if (settings.mode() == PmsSettings.Mode.PASSIVE) {
            link.write(PmsCommands.readPassive());
        }
    }
}
