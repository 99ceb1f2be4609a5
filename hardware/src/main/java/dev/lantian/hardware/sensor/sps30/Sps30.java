package dev.lantian.hardware.sensor.sps30;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Sensirion SPS30 particulate matter sensor on I2C (address 0x69), per the SPS30 datasheet (version
 * 1.0, March 2020), section 6 "Operation and Communication through the I2C Interface".
 *
 * <p>Each {@link #read()} starts measurement if needed (0x0010, float output), waits for the data
 * ready flag (0x0202), reads the ten float values (0x0300) and the device status register (0xD206).
 * A response whose CRC fails is dropped and counted ({@link #crcFailures()}); fan or laser errors and
 * the fan speed warning put flag {@code D} on the readings; values above the measuring range (1000
 * ug/m3, 3000 #/cm3) get {@code T}; readings during the start-up time after the start command get
 * {@code F} (not yet measuring, as the UART particulate drivers flag their warm-up) and readings during
 * fan cleaning get {@code M} (a maintenance routine).
 */
public final class Sps30 implements PolledDevice {
    public static final int DEFAULT_ADDRESS = 0x69;
    /** Datasheet table 1: the first reading is available within 8 s of the start command. */
    public static final Duration START_UP = Duration.ofSeconds(8);
    /** Datasheet section 4.1: fan cleaning runs the fan at full speed for 10 s. */
    public static final Duration FAN_CLEANING = Duration.ofSeconds(10);

    static final int CMD_START = 0x0010;
    static final int CMD_STOP = 0x0104;
    static final int CMD_DATA_READY = 0x0202;
    static final int CMD_READ_VALUES = 0x0300;
    static final int CMD_FAN_CLEANING = 0x5607;
    static final int CMD_READ_STATUS = 0xD206;
    /** Argument of start measurement: 0x03 = big-endian IEEE-754 floats, 0x00 = dummy byte. */
    static final int FLOAT_FORMAT = 0x0300;

    static final long STATUS_SPEED_WARNING = 1L << 21;
    static final long STATUS_LASER_ERROR = 1L << 5;
    static final long STATUS_FAN_ERROR = 1L << 4;

    /** Field names in the order of the read-measured-values response (datasheet table 5.5). */
    public static final List<String> FIELDS = List.of("pm1_0", "pm2_5", "pm4_0", "pm10",
            "n0_5", "n1_0", "n2_5", "n4_0", "n10", "typical_size");
    private static final double MASS_RANGE = 1000.0;
    private static final double NUMBER_RANGE = 3000.0;

    private final String deviceId;
    private final I2cDevice device;
    private final BoardClock clock;
    private Instant startedAt;
    private Instant cleaningUntil;
    private long crcFailures;

    @Override
    public String deviceId() {
        return deviceId;
    }

    public Sps30(String deviceId, I2cDevice device, BoardClock clock) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.device = Objects.requireNonNull(device, "device");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Responses dropped because a CRC failed, since this driver was made. */
    public synchronized long crcFailures() {
        return crcFailures;
    }

    @Override
    public synchronized ReadingSet read() {
        try {
            if (startedAt == null) {
                device.write(SensirionWords.command(CMD_START, FLOAT_FORMAT));
                startedAt = clock.instant();
                clock.sleep(Duration.ofMillis(20));
            }
            if (!awaitDataReady()) {
                return ReadingSet.silent(deviceId, clock.instant(), "SPS30 reported no new data within 1.5 s");
            }
            Instant time = clock.instant();
            device.write(SensirionWords.command(CMD_READ_VALUES));
            int[] words = decodeOrCount(device.read(60));
            if (words == null) {
                return ReadingSet.silent(deviceId, time, "SPS30 measured values failed their CRC; dropped");
            }
            Optional<String> fault = deviceFault();
            return decode(words, time, fault);
        } catch (IOException e) {
            Logger.warn("{}: SPS30 I/O failed: {}", deviceId, e.getMessage());
            // The sensor may have been power-cycled: start it again on the next read.
            startedAt = null;
            return ReadingSet.silent(deviceId, clock.instant(), "SPS30 I/O failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReadingSet.silent(deviceId, clock.instant(), "interrupted");
        }
    }

    /** Starts the 10 s fan cleaning (datasheet 6.3.5); readings during it are flagged {@code M}. */
    public synchronized boolean startFanCleaning() {
        try {
            device.write(SensirionWords.command(CMD_FAN_CLEANING));
            cleaningUntil = clock.instant().plus(FAN_CLEANING);
            return true;
        } catch (IOException e) {
            Logger.warn("{}: SPS30 fan cleaning command failed: {}", deviceId, e.getMessage());
            return false;
        }
    }

    /** Stops measuring (fan and laser off); the next {@link #read()} starts again with a new start-up time. */
    public synchronized void stop() {
        try {
            device.write(SensirionWords.command(CMD_STOP));
        } catch (IOException e) {
            Logger.warn("{}: SPS30 stop failed: {}", deviceId, e.getMessage());
        }
        startedAt = null;
    }

    private boolean awaitDataReady() throws IOException, InterruptedException {
        // A new value comes once a second; poll a little beyond that before calling it silence.
        for (int attempt = 0; attempt < 16; attempt++) {
            device.write(SensirionWords.command(CMD_DATA_READY));
            int[] words = decodeOrCount(device.read(3));
            if (words != null && (words[0] & 0xFF) == 1) {
                return true;
            }
            clock.sleep(Duration.ofMillis(100));
        }
        return false;
    }

    private Optional<String> deviceFault() throws IOException {
        device.write(SensirionWords.command(CMD_READ_STATUS));
        int[] words = decodeOrCount(device.read(6));
        if (words == null) {
            return Optional.empty();
        }
        long status = ((long) words[0] << 16) | words[1];
        List<String> faults = new ArrayList<>();
        if ((status & STATUS_FAN_ERROR) != 0) {
            faults.add("fan error (fan switched on but not turning)");
        }
        if ((status & STATUS_LASER_ERROR) != 0) {
            faults.add("laser error (laser current out of range)");
        }
        if ((status & STATUS_SPEED_WARNING) != 0) {
            faults.add("fan speed out of range");
        }
        return faults.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", faults));
    }

    private int[] decodeOrCount(byte[] response) {
        try {
            return SensirionWords.decode(response);
        } catch (SensirionWords.CrcMismatch e) {
            crcFailures++;
            Logger.warn("{}: SPS30 response dropped: {}", deviceId, e.getMessage());
            return null;
        }
    }

    private ReadingSet decode(int[] words, Instant time, Optional<String> fault) {
        boolean warmingUp = Duration.between(startedAt, time).compareTo(START_UP) < 0;
        boolean cleaning = cleaningUntil != null && time.isBefore(cleaningUntil);
        List<Reading> readings = new ArrayList<>(FIELDS.size());
        boolean anyAboveRange = false;
        for (int i = 0; i < FIELDS.size(); i++) {
            float value = Float.intBitsToFloat((words[2 * i] << 16) | words[2 * i + 1]);
            double range = i < 4 ? MASS_RANGE : i < 9 ? NUMBER_RANGE : Double.MAX_VALUE;
            QualityFlag flag;
            if (fault.isPresent()) {
                flag = QualityFlag.D;
            } else if (!Float.isFinite(value) || value < 0) {
                flag = QualityFlag.D;
            } else if (warmingUp) {
                flag = QualityFlag.F;
            } else if (cleaning) {
                flag = QualityFlag.M;
            } else if (value > range) {
                flag = QualityFlag.T;
                anyAboveRange = true;
            } else {
                flag = QualityFlag.N;
            }
            readings.add(new Reading(FIELDS.get(i), value, flag));
        }
        if (fault.isPresent()) {
            return new ReadingSet(deviceId, time, readings, QualityFlag.D, "SPS30 reports " + fault.get());
        }
        if (readings.stream().anyMatch(r -> r.flag() == QualityFlag.D)) {
            return new ReadingSet(deviceId, time, readings, QualityFlag.D, "SPS30 sent a value that is not a number or negative");
        }
        if (warmingUp) {
            return new ReadingSet(deviceId, time, readings, QualityFlag.F,
                    "SPS30 start-up (first " + START_UP.toSeconds() + " s after start)");
        }
        if (cleaning) {
            return new ReadingSet(deviceId, time, readings, QualityFlag.M, "SPS30 fan cleaning");
        }
        if (anyAboveRange) {
            return new ReadingSet(deviceId, time, readings, QualityFlag.T, "SPS30 value above its measuring range");
        }
        return ReadingSet.of(deviceId, time, readings);
    }
}
