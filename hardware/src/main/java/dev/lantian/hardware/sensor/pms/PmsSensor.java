package dev.lantian.hardware.sensor.pms;

import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.sensor.uart.FramedUartSensor;
import dev.lantian.hardware.sensor.uart.Warmup;
import dev.lantian.hardware.serial.ByteLink;
import dev.lantian.hardware.time.BoardClock;
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
public final class PmsSensor extends FramedUartSensor<PmsFrame> {
    /** Field names in data-word order (words 0-11). */
    public static final List<String> FIELDS = List.of("pm1_0_cf1", "pm2_5_cf1", "pm10_cf1", "pm1_0", "pm2_5",
            "pm10", "n0_3", "n0_5", "n1_0", "n2_5", "n5_0", "n10");
    private static final int MASS_FIELDS = 6;

    private final PmsSettings settings;

    public PmsSensor(String deviceId, ByteLink link, PmsSettings settings, BoardClock clock) {
        super(deviceId, link, clock, FIELDS, Objects.requireNonNull(settings, "settings").warmup(),
                settings.frameTimeout(), new PmsFrameDecoder());
        this.settings = settings;
    }

    @Override
    protected void configure() {
        link.write(settings.mode() == PmsSettings.Mode.PASSIVE ? PmsCommands.passiveMode() : PmsCommands.activeMode());
    }

    @Override
    protected void requestFrame() {
        if (settings.mode() == PmsSettings.Mode.PASSIVE) {
            link.write(PmsCommands.readPassive());
        }
    }

    @Override
    protected byte[] sleepCommand() {
        return PmsCommands.sleep();
    }

    @Override
    protected byte[] wakeCommand() {
        return PmsCommands.wake();
    }

    @Override
    protected byte[] raw(PmsFrame frame) {
        return frame.raw();
    }

    @Override
    protected List<Reading> readings(PmsFrame frame, boolean warming) {
        List<Reading> readings = new ArrayList<>(FIELDS.size());
        for (int i = 0; i < FIELDS.size(); i++) {
            int v = frame.word(i);
            QualityFlag flag = warming ? QualityFlag.F
                    : i < MASS_FIELDS && v > settings.rangeLimit() ? QualityFlag.T : QualityFlag.N;
            readings.add(new Reading(FIELDS.get(i), v, flag));
        }
        return readings;
    }
}
