package dev.lantian.hardware.sensor.sgp40;

import dev.lantian.hardware.i2c.I2cDevice;
import dev.lantian.hardware.i2c.SensirionWords;
import dev.lantian.hardware.reading.PolledDevice;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.time.BoardClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tinylog.Logger;

/**
 * Sensirion SGP40 VOC sensor on I2C (address 0x59), per the SGP40 datasheet (version 1.x), section 4
 * "Operation and communication": "measure raw signal" 0x260F carries the relative humidity and
 * temperature as compensation words (each with its CRC, section 4.7 table for the tick conversion)
 * and answers, at most 30 ms later, one word: the raw signal in ticks. The VOC index comes from
 * {@link VocIndexAlgorithm}, which needs one sample per second: poll this driver every second.
 *
 * <p>Fields: {@code sraw} (ticks) and {@code voc_index} (1-500). During the algorithm's 45 s blackout
 * {@code voc_index} has no value and flag {@code F} (not yet measuring, like a sensor's warm-up). A gap of more than {@link #MAX_GAP} between
 * samples, or the clock stepping back, restarts the algorithm (its learnt state assumes 1 s spacing).
 */
public final class Sgp40 implements PolledDevice {
    public static final int DEFAULT_ADDRESS = 0x59;
    public static final Duration MAX_GAP = Duration.ofSeconds(10);
    static final int CMD_MEASURE_RAW = 0x260F;
    static final int CMD_HEATER_OFF = 0x3615;
    /** Datasheet table 10: maximum duration of the measure-raw command. */
    static final Duration MEASURE_TIME = Duration.ofMillis(30);

    private final String deviceId;
    private final I2cDevice device;
    private final BoardClock clock;
    private final VocIndexAlgorithm algorithm = new VocIndexAlgorithm();
    private double humidity = 50.0;
    private double temperature = 25.0;
    private Instant lastSample;
    private long crcFailures;

    @Override
    public String deviceId() {
        return deviceId;
    }

    public Sgp40(String deviceId, I2cDevice device, BoardClock clock) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.device = Objects.requireNonNull(device, "device");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sets the air's relative humidity (%) and temperature (C) sent with the next measurements, e.g.
     * from a BME280 beside it; without it the sensor assumes 50 %RH and 25 C.
     */
    public synchronized void compensate(double relativeHumidity, double temperatureC) {
        if (Double.isFinite(relativeHumidity) && Double.isFinite(temperatureC)) {
            this.humidity = relativeHumidity;
            this.temperature = temperatureC;
        }
    }

    public synchronized long crcFailures() {
        return crcFailures;
    }

    /** Humidity in ticks as the sensor takes it: RH / 100 * 65535, clamped to 0-100 %. */
    static int humidityTicks(double relativeHumidity) {
        double clamped = Math.max(0, Math.min(100, relativeHumidity));
        return (int) Math.round(clamped * 65535 / 100);
    }

    /** Temperature in ticks: (T + 45) / 175 * 65535, clamped to the sensor's -45..130 C. */
    static int temperatureTicks(double temperatureC) {
        double clamped = Math.max(-45, Math.min(130, temperatureC));
        return (int) Math.round((clamped + 45) * 65535 / 175);
    }

    @Override
    public synchronized ReadingSet read() {
        Instant time = clock.instant();
        try {
            device.write(SensirionWords.command(CMD_MEASURE_RAW, humidityTicks(humidity), temperatureTicks(temperature)));
            clock.sleep(MEASURE_TIME);
            int[] words;
            try {
                words = SensirionWords.decode(device.read(3));
            } catch (SensirionWords.CrcMismatch e) {
                crcFailures++;
                Logger.warn("{}: SGP40 response dropped: {}", deviceId, e.getMessage());
                return ReadingSet.silent(deviceId, time, "SGP40 raw signal failed its CRC; dropped");
            }
            return decode(words[0], time);
        } catch (IOException e) {
            Logger.warn("{}: SGP40 I/O failed: {}", deviceId, e.getMessage());
            return ReadingSet.silent(deviceId, time, "SGP40 I/O failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReadingSet.silent(deviceId, time, "interrupted");
        }
    }

    /** Turns the hot plate off (datasheet 4.7, 0x3615) when the sensor is to idle. */
    public synchronized void heaterOff() {
        try {
            device.write(SensirionWords.command(CMD_HEATER_OFF));
        } catch (IOException e) {
            Logger.warn("{}: SGP40 heater off failed: {}", deviceId, e.getMessage());
        }
        lastSample = null;
        algorithm.reset();
    }

    private ReadingSet decode(int sraw, Instant time) {
        if (lastSample != null && (time.isBefore(lastSample) || Duration.between(lastSample, time).compareTo(MAX_GAP) > 0)) {
            Logger.info("{}: {} since the last SGP40 sample; VOC index algorithm restarts", deviceId,
                    Duration.between(lastSample, time));
            algorithm.reset();
        }
        lastSample = time;
        if (sraw == 0) {
            return new ReadingSet(deviceId, time, List.of(new Reading("sraw", 0, QualityFlag.D),
                    Reading.missing("voc_index", QualityFlag.D)), QualityFlag.D, "SGP40 raw signal is 0 (sensor fault)");
        }
        int index = algorithm.process(sraw);
        Reading raw = Reading.normal("sraw", sraw);
        if (algorithm.inBlackout() || index == 0) {
            return new ReadingSet(deviceId, time, List.of(raw, Reading.missing("voc_index", QualityFlag.F)),
                    QualityFlag.F, "VOC index undefined in the first " + VocIndexAlgorithm.BLACKOUT_SAMPLES + " s");
        }
        return ReadingSet.of(deviceId, time, List.of(raw, Reading.normal("voc_index", index)));
    }
}
