package dev.lantian.hardware.sensor.ads1115;

import dev.lantian.hardware.i2c.I2cDevice;
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
 * An AC current clamp read through a TI ADS1115 (I2C 0x48-0x4B; datasheet SBAS444): samples a burst
 * at 860 SPS on one input, removes the DC offset (the mid-rail bias the clamp rides on, taken as the
 * burst's mean) and gives field {@code current_rms} (A) from the clamp's conversion.
 *
 * <p>Samples are paced by the injected clock, one conversion period apart, until the configured
 * window has passed on that clock; in continuous mode the
 * conversion register always holds the latest result, in single-shot mode each sample is started
 * with OS=1 and read once the OS bit says the conversion is done. A sample at full scale means the
 * input clipped: the RMS is then too low and is flagged {@code T}.
 */
public final class Ads1115CurrentClamp implements PolledDevice {
    public static final int DEFAULT_ADDRESS = 0x48;
    public static final String FIELD = "current_rms";
    static final int REG_CONVERSION = 0x00;
    static final int REG_CONFIG = 0x01;

    private final String deviceId;
    private final I2cDevice device;
    private final BoardClock clock;
    private final Ads1115Config config;
    private final CurrentClamp clamp;
    private boolean configured;

    @Override
    public String deviceId() {
        return deviceId;
    }

    public Ads1115CurrentClamp(String deviceId, I2cDevice device, BoardClock clock, Ads1115Config config, CurrentClamp clamp) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.device = Objects.requireNonNull(device, "device");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.clamp = Objects.requireNonNull(clamp, "clamp");
    }

    @Override
    public synchronized ReadingSet read() {
        Instant time = clock.instant();
        try {
            int[] codes = burst();
            double voltsRms = acRms(codes, config.gain().lsb());
            double amps = clamp.amps(voltsRms);
            boolean clipped = false;
            for (int code : codes) {
                clipped |= code >= 32767 || code <= -32768;
            }
            if (clipped) {
                return new ReadingSet(deviceId, time, List.of(new Reading(FIELD, amps, QualityFlag.T)), QualityFlag.T,
                        "ADS1115 input clipped at full scale " + config.gain().fullScale + " V: choose a larger range");
            }
            return ReadingSet.of(deviceId, time, List.of(Reading.normal(FIELD, amps)));
        } catch (IOException e) {
            Logger.warn("{}: ADS1115 I/O failed: {}", deviceId, e.getMessage());
            configured = false;
            return ReadingSet.silent(deviceId, time, "ADS1115 I/O failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReadingSet.silent(deviceId, time, "interrupted");
        }
    }

    private int[] burst() throws IOException, InterruptedException {
        Duration period = Ads1115Config.samplePeriod();
        boolean continuous = config.mode() == Ads1115Config.Mode.CONTINUOUS;
        if (continuous && !configured) {
            writeConfig(config.configWord());
            configured = true;
            clock.sleep(period.multipliedBy(2)); // the first conversion after a config write
        }
        int[] codes = new int[Ads1115Config.MAX_SAMPLES];
        int n = 0;
        Instant end = clock.instant().plus(config.window());
        while (n < codes.length && clock.instant().isBefore(end)) {
            if (continuous) {
                codes[n++] = readConversion();
                clock.sleep(period);
                continue;
            }
            writeConfig(config.configWord());
            clock.sleep(period);
            if (!conversionDone()) {
                clock.sleep(period);
                if (!conversionDone()) {
                    throw new IOException("ADS1115 conversion did not finish");
                }
            }
            codes[n++] = readConversion();
        }
        return java.util.Arrays.copyOf(codes, n);
    }

    private void writeConfig(int word) throws IOException {
        device.write(new byte[] {(byte) REG_CONFIG, (byte) (word >> 8), (byte) word});
    }

    private boolean conversionDone() throws IOException {
        byte[] b = device.writeRead(new byte[] {(byte) REG_CONFIG}, 2);
        return (b[0] & 0x80) != 0;
    }

    private int readConversion() throws IOException {
        byte[] b = device.writeRead(new byte[] {(byte) REG_CONVERSION}, 2);
        return (short) (((b[0] & 0xFF) << 8) | (b[1] & 0xFF));
    }

    /**
     * RMS of the AC part of a burst, in volts: the standard deviation about the burst mean, which
     * removes the bias without knowing it in advance (two-pass, to keep precision for small signals).
     */
    static double acRms(int[] codes, double voltsPerCount) {
        double mean = 0;
        for (int c : codes) {
            mean += c;
        }
        mean /= codes.length;
        double sumSquares = 0;
        for (int c : codes) {
            double d = c - mean;
            sumSquares += d * d;
        }
        return Math.sqrt(sumSquares / codes.length) * voltsPerCount;
    }
}
