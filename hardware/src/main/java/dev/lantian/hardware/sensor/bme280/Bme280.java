package dev.lantian.hardware.sensor.bme280;

import dev.lantian.hardware.i2c.I2cDevice;
import dev.lantian.hardware.reading.PolledDevice;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.time.BoardClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tinylog.Logger;

/**
 * Bosch BME280 on I2C (0x76, or 0x77 with SDO high), per datasheet BST-BME280-DS002: reads the
 * calibration once (section 4.2.2), then for each {@link #read()} triggers one measurement in forced
 * mode with 1x oversampling and the filter off (section 3.5.1, "weather monitoring"), waits while the
 * status register says "measuring" (5.4.4), burst-reads 0xF7-0xFE (section 4, "data readout") and
 * compensates with the integer formulas (4.2.3).
 *
 * <p>Fields: {@code temperature} (C), {@code humidity} (%RH), {@code pressure} (hPa). A value outside
 * the chip's operating range (-40..85 C, 0..100 %RH, 300..1100 hPa) gets flag {@code T}; the chip's
 * "skipped" raw value (0x80000 / 0x8000) or a wrong chip id gets {@code D}; I/O trouble gets {@code B}.
 */
public final class Bme280 implements PolledDevice {
    public static final int DEFAULT_ADDRESS = 0x76;
    static final int REG_CHIP_ID = 0xD0;
    static final int CHIP_ID = 0x60;
    static final int REG_CALIB_00 = 0x88;
    static final int REG_CALIB_26 = 0xE1;
    static final int REG_CTRL_HUM = 0xF2;
    static final int REG_STATUS = 0xF3;
    static final int REG_CTRL_MEAS = 0xF4;
    static final int REG_CONFIG = 0xF5;
    static final int REG_DATA = 0xF7;
    /** osrs_h = 001 (x1). */
    static final int CTRL_HUM = 0x01;
    /** osrs_t = 001, osrs_p = 001, mode = 01 (forced). */
    static final int CTRL_MEAS_FORCED = 0b001_001_01;
    /** Datasheet 9.1: at 1x oversampling of all three a measurement takes at most 9.3 ms. */
    static final Duration MEASUREMENT_TIME = Duration.ofMillis(10);

    private final String deviceId;
    private final I2cDevice device;
    private final BoardClock clock;
    private Bme280Calibration calibration;

    @Override
    public String deviceId() {
        return deviceId;
    }

    public Bme280(String deviceId, I2cDevice device, BoardClock clock) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.device = Objects.requireNonNull(device, "device");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized ReadingSet read() {
        Instant time = clock.instant();
        try {
            if (calibration == null) {
                int id = device.writeRead(new byte[] {(byte) REG_CHIP_ID}, 1)[0] & 0xFF;
                if (id != CHIP_ID) {
                    return new ReadingSet(deviceId, time, List.of(), QualityFlag.D,
                            String.format("chip id 0x%02X is not a BME280 (0x60); a BMP280 (0x58) has no humidity", id));
                }
                calibration = Bme280Calibration.parse(device.writeRead(new byte[] {(byte) REG_CALIB_00}, 26),
                        device.writeRead(new byte[] {(byte) REG_CALIB_26}, 7));
                device.write(new byte[] {(byte) REG_CONFIG, 0});
            }
            // ctrl_hum takes effect only after a write to ctrl_meas (datasheet 5.4.3).
            device.write(new byte[] {(byte) REG_CTRL_HUM, CTRL_HUM});
            device.write(new byte[] {(byte) REG_CTRL_MEAS, CTRL_MEAS_FORCED});
            clock.sleep(MEASUREMENT_TIME);
            if (!awaitIdle()) {
                return ReadingSet.silent(deviceId, time, "BME280 still measuring after 100 ms");
            }
            byte[] data = device.writeRead(new byte[] {(byte) REG_DATA}, 8);
            return decode(data, time);
        } catch (IOException e) {
            Logger.warn("{}: BME280 I/O failed: {}", deviceId, e.getMessage());
            calibration = null; // a replaced or power-cycled chip: read its calibration again
            return ReadingSet.silent(deviceId, time, "BME280 I/O failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReadingSet.silent(deviceId, time, "interrupted");
        }
    }

    private boolean awaitIdle() throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            int status = device.writeRead(new byte[] {(byte) REG_STATUS}, 1)[0] & 0xFF;
            if ((status & 0x08) == 0) {
                return true;
            }
            clock.sleep(MEASUREMENT_TIME);
        }
        return false;
    }

    private ReadingSet decode(byte[] d, Instant time) {
        int adcP = ((d[0] & 0xFF) << 12) | ((d[1] & 0xFF) << 4) | ((d[2] & 0xFF) >> 4);
        int adcT = ((d[3] & 0xFF) << 12) | ((d[4] & 0xFF) << 4) | ((d[5] & 0xFF) >> 4);
        int adcH = ((d[6] & 0xFF) << 8) | (d[7] & 0xFF);
        if (adcT == 0x80000) {
            return new ReadingSet(deviceId, time, List.of(), QualityFlag.D, "BME280 skipped the temperature measurement");
        }
        int tFine = calibration.fineTemperature(adcT);
        double temperature = Bme280Calibration.temperatureCentiDegrees(tFine) / 100.0;
        List<Reading> readings = new ArrayList<>(3);
        readings.add(ranged("temperature", temperature, -40, 85));
        readings.add(adcH == 0x8000 ? Reading.missing("humidity", QualityFlag.D)
                : ranged("humidity", calibration.humidityQ22_10(adcH, tFine) / 1024.0, 0, 100));
        readings.add(adcP == 0x80000 ? Reading.missing("pressure", QualityFlag.D)
                : ranged("pressure", calibration.pressureQ24_8(adcP, tFine) / 256.0 / 100.0, 300, 1100));
        QualityFlag worst = readings.stream().map(Reading::flag).filter(f -> !f.isNormal())
                .max((a, b) -> Integer.compare(a.dominance(), b.dominance())).orElse(QualityFlag.N);
        return new ReadingSet(deviceId, time, readings, worst,
                worst.isNormal() ? "" : "BME280 value out of range or not measured");
    }

    private static Reading ranged(String field, double value, double low, double high) {
        return new Reading(field, value, value < low || value > high ? QualityFlag.T : QualityFlag.N);
    }
}
