package dev.lantian.agent.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.cli.Main;
import dev.lantian.hardware.i2c.I2cBus;
import dev.lantian.hardware.i2c.I2cDevice;
import dev.lantian.hardware.i2c.RegisterFileI2cDevice;
import dev.lantian.hardware.i2c.SensirionWords;
import dev.lantian.hardware.time.VirtualClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class I2cProbersTest {
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
    private final Map<Integer, I2cDevice> chips = new HashMap<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A BME280 holding the BMP280 datasheet (3.12) trimming values and raw readings. */
    private static RegisterFileI2cDevice bme280() {
        int[] w = {27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000};
        byte[] b = new byte[26];
        for (int i = 0; i < w.length; i++) {
            b[2 * i] = (byte) w[i];
            b[2 * i + 1] = (byte) (w[i] >> 8);
        }
        b[25] = 75;
        return new RegisterFileI2cDevice(0x76).load(0xD0, (byte) 0x60).load(0x88, b)
                .load(0xE1, new byte[] {0x6A, 0x01, 0x00, 0x13, 0x29, 0x03, 0x1E})
                .load(0xF7, new byte[] {0x65, 0x5A, (byte) 0xC0, 0x7E, (byte) 0xED, 0x00, 0x75, 0x30});
    }

    private I2cBus fakeBus(int number) {
        return new I2cBus() {
            @Override
            public int number() {
                return number;
            }

            @Override
            public I2cDevice device(int address) throws IOException {
                I2cDevice chip = chips.get(address);
                return chip != null ? chip : new RegisterFileI2cDevice(address) {
                    {
                        unplug();
                    }
                };
            }

            @Override
            public void close() {
            }
        };
    }

    private int probe(String device, Optional<String> address, int count, boolean raw) {
        Prober prober = I2cProbers.all(this::fakeBus, clock).get(device);
        ProbeRequest request = new ProbeRequest(device, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(1), address, Optional.empty(), Optional.empty(),
                count, raw, Duration.ofSeconds(10));
        return prober.probe(request, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void registersTheFourI2cSensors() {
        assertThat(Probers.all()).containsKeys("sps30", "sgp40", "bme280", "ads1115");
    }

    @Test
    void printsOneNameValueLinePerReadingWithItsFlag() {
        chips.put(0x76, bme280());
        int status = probe("bme280", Optional.of("0x76"), 2, false);
        assertThat(status).isZero();
        String[] lines = out.toString().strip().split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).matches("time=\\S+ temperature=25\\.08 humidity=\\d+(\\.\\d+)? pressure=1006\\.533 flag=N");
        // one reading a second, on the injected clock
        assertThat(lines[1]).startsWith("time=2026-03-01T00:00:01");
    }

    /** During the VOC algorithm's blackout the sensor answers but the index is not yet defined. */
    @Test
    void sgp40LinesShowTheRawSignalAndTheUndefinedIndexDuringBlackout() {
        chips.put(0x59, new I2cDevice() {
            @Override
            public int address() {
                return 0x59;
            }

            @Override
            public void write(byte[] data) {
            }

            @Override
            public byte[] read(int count) {
                return SensirionWords.encode(30_000);
            }

            @Override
            public byte[] writeRead(byte[] data, int count) {
                return read(count);
            }
        });
        assertThat(probe("sgp40", Optional.empty(), 3, false)).isZero();
        assertThat(out.toString().strip().split("\\R")).hasSize(3)
                .allMatch(l -> l.matches("time=\\S+ sraw=30000 voc_index=NaN\\(F\\) flag=F"));
    }

    @Test
    void rawShowsTheBytesOnTheWire() {
        chips.put(0x76, bme280());
        assertThat(probe("bme280", Optional.empty(), 1, true)).isZero();
        assertThat(out.toString()).contains("raw write D0 read 60").contains("raw write F4 25");
    }

    @Test
    void nothingAnsweringIsFailureWithAHintNotAStackTrace() {
        int status = probe("sps30", Optional.empty(), 1, false);
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("no valid reading from sps30 at 0x69 on I2C bus 1")
                .contains("i2cdetect").doesNotContain("Exception");
        // the reason is said once, not once per attempt
        assertThat(err.toString().split("SPS30 I/O failed", -1)).hasSize(2);
    }

    @Test
    void aBadAddressIsAnInputError() {
        assertThat(probe("bme280", Optional.of("0xZZ"), 1, false)).isEqualTo(2);
        assertThat(err.toString()).contains("0xZZ");
        assertThat(probe("bme280", Optional.of("0x80"), 1, false)).isEqualTo(2);
    }

    @Test
    void onAMachineWithoutTheBusTheRealProbeSaysSo() {
        assertThat(Files.exists(Path.of("/dev/i2c-99"))).as("this test needs a machine without /dev/i2c-99").isFalse();
        StringWriter realOut = new StringWriter();
        StringWriter realErr = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(realOut, true));
        cli.setErr(new PrintWriter(realErr, true));
        int status = cli.execute("probe", "--device", "sgp40", "--i2c-bus", "99");
        assertThat(status).isEqualTo(1);
        assertThat(realErr.toString()).contains("cannot open I2C bus 99").contains("/dev/i2c-99")
                .contains("I2C enabled").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void theBusNumberIsRequired() {
        Prober prober = I2cProbers.all(this::fakeBus, clock).get("sgp40");
        ProbeRequest request = new ProbeRequest("sgp40", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                1, false, Duration.ofSeconds(1));
        assertThat(prober.probe(request, new PrintWriter(out, true), new PrintWriter(err, true))).isEqualTo(2);
        assertThat(err.toString()).contains("--i2c-bus");
    }
}
