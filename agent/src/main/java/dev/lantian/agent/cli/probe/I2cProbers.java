package dev.lantian.agent.cli.probe;

import dev.lantian.agent.cli.ExitCodes;
import dev.lantian.hardware.i2c.BoardIo;
import dev.lantian.hardware.i2c.I2cBus;
import dev.lantian.hardware.i2c.I2cDevice;
import dev.lantian.hardware.i2c.TracingI2cDevice;
import dev.lantian.hardware.reading.PolledDevice;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.sensor.ads1115.Ads1115Config;
import dev.lantian.hardware.sensor.ads1115.Ads1115CurrentClamp;
import dev.lantian.hardware.sensor.ads1115.CurrentClamp;
import dev.lantian.hardware.sensor.bme280.Bme280;
import dev.lantian.hardware.sensor.sgp40.Sgp40;
import dev.lantian.hardware.sensor.sps30.Sps30;
import dev.lantian.hardware.time.BoardClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/** Probers for the I2C sensors (SPS30, SGP40, BME280, ADS1115) through Pi4J. */
final class I2cProbers {
    /** Readings are taken once a second: the SGP40's algorithm needs that, the others are fine with it. */
    static final Duration PERIOD = Duration.ofSeconds(1);
    /** The probe has no clamp options: SCT-013-000 (100 A : 50 mA) on a 33 ohm burden, on AIN0. */
    static final CurrentClamp PROBE_CLAMP = new CurrentClamp.CurrentOutput(2000, 33);

    private I2cProbers() {
    }

    /** Opens I2C bus N; the real one is {@code /dev/i2c-N} through Pi4J linuxfs. */
    @FunctionalInterface
    interface BusOpener {
        I2cBus open(int bus) throws IOException;
    }

    private interface DriverFactory {
        PolledDevice create(String id, I2cDevice device, BoardClock clock);
    }

    static Map<String, Prober> all() {
        return all(I2cProbers::openRealBus, BoardClock.system(ZoneOffset.UTC));
    }

    static Map<String, Prober> all(BusOpener opener, BoardClock clock) {
        return Map.of(
                "sps30", prober(opener, clock, Sps30.DEFAULT_ADDRESS, Sps30::new),
                "sgp40", prober(opener, clock, Sgp40.DEFAULT_ADDRESS, Sgp40::new),
                "bme280", prober(opener, clock, Bme280.DEFAULT_ADDRESS, Bme280::new),
                "ads1115", prober(opener, clock, Ads1115CurrentClamp.DEFAULT_ADDRESS, (id, device, c) ->
                        new Ads1115CurrentClamp(id, device, c, Ads1115Config.defaults(0), PROBE_CLAMP)));
    }

    private static I2cBus openRealBus(int number) throws IOException {
        BoardIo board = BoardIo.open(BoardIo.REAL);
        try {
            I2cBus bus = board.i2cBus(number);
            return new I2cBus() {
                @Override
                public int number() {
                    return bus.number();
                }

                @Override
                public I2cDevice device(int address) throws IOException {
                    return bus.device(address);
                }

                @Override
                public void close() {
                    board.close();
                }
            };
        } catch (IOException | RuntimeException e) {
            board.close();
            throw e;
        }
    }

    private static Prober prober(BusOpener opener, BoardClock clock, int defaultAddress, DriverFactory factory) {
        return (request, out, err) -> {
            String kind = request.device();
            if (request.i2cBus().isEmpty()) {
                err.println("probe: " + kind + " needs --i2c-bus N (1 for /dev/i2c-1 on a Raspberry Pi)");
                return ExitCodes.INVALID_INPUT;
            }
            int address;
            try {
                address = request.address().map(I2cProbers::parseAddress).orElse(defaultAddress);
            } catch (IllegalArgumentException e) {
                err.println("probe: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            int busNumber = request.i2cBus().get();
            try (I2cBus bus = opener.open(busNumber)) {
                I2cDevice device = bus.device(address);
                if (request.raw()) {
                    device = new TracingI2cDevice(device, line -> out.println(line));
                }
                if (kind.equals("ads1115")) {
                    err.println("probe: ads1115 on AIN0, range 4.096 V, assuming a 2000:1 CT on a 33 ohm burden");
                }
                PolledDevice driver = factory.create(kind, device, clock);
                return run(driver, request, clock, out, err, String.format("%s at 0x%02X on I2C bus %d", kind, address, busNumber));
            } catch (IOException e) {
                err.println("probe: cannot open I2C bus " + busNumber + ": " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        };
    }

    private static int run(PolledDevice driver, ProbeRequest request, BoardClock clock, PrintWriter out,
            PrintWriter err, String what) {
        Instant deadline = clock.instant().plus(request.timeout());
        int printed = 0;
        int valid = 0;
        String lastProblem = "";
        while (printed < request.count() && clock.instant().isBefore(deadline)) {
            Instant started = clock.instant();
            ReadingSet set = driver.read();
            if (set.readings().isEmpty()) {
                if (!set.detail().equals(lastProblem)) {
                    err.println("probe: " + what + ": " + set.detail());
                    lastProblem = set.detail();
                }
            } else {
                out.println(line(set));
                out.flush();
                printed++;
                if (set.flag() != QualityFlag.B && set.flag() != QualityFlag.D) {
                    valid++;
                }
            }
            if (printed < request.count()) {
                Duration rest = PERIOD.minus(Duration.between(started, clock.instant()));
                try {
                    clock.sleep(rest);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (valid == 0) {
            err.println("probe: no valid reading from " + what + " within " + request.timeout().toSeconds() + " s"
                    + " (check wiring, address and power; i2cdetect -y " + request.i2cBus().orElse(1) + " lists what answers)");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    static String line(ReadingSet set) {
        StringBuilder sb = new StringBuilder("time=").append(set.time());
        for (Reading r : set.readings()) {
            sb.append(' ').append(r.field()).append('=').append(format(r.value()));
            if (!r.flag().isNormal()) {
                sb.append('(').append(r.flag().code()).append(')');
            }
        }
        return sb.append(" flag=").append(set.flag().code()).toString();
    }

    private static String format(double value) {
        if (!Double.isFinite(value)) {
            return "NaN";
        }
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** {@code 0x69}, {@code 69h} or decimal {@code 105}; only 7-bit addresses 0x03-0x77. */
    static int parseAddress(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int value;
        try {
            if (t.startsWith("0x")) {
                value = Integer.parseInt(t.substring(2), 16);
            } else if (t.endsWith("h")) {
                value = Integer.parseInt(t.substring(0, t.length() - 1), 16);
            } else {
                value = Integer.parseInt(t);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--address '" + text + "' is not an I2C address such as 0x69");
        }
        if (value < 0x03 || value > 0x77) {
            throw new IllegalArgumentException("--address " + text + " is outside the 7-bit range 0x03-0x77");
        }
        return value;
    }
}
