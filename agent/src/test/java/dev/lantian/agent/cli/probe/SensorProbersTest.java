package dev.lantian.agent.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lantian.agent.cli.Main;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.serial.Hex;
import dev.lantian.hardware.serial.PtyPair;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code probe} through the real command line, against ptys fed by a shell ({@code printf} of a frame
 * in a loop, as a sensor sends one frame after another).
 */
class SensorProbersTest {
    /** PMS5003 data manual V2.3 appendix I layout; PM2.5 24, PM10 30 (atmospheric). */
    static final String PMS_FRAME = "424d001c0012001b001f000f0018001e0c30038e00a1000c000300019700" + "0351";
    /** SDS011 control protocol V1.3 section 3.2 example: PM2.5 123.6, PM10 261.8. */
    static final String SDS_FRAME = "aac0d4043a0aa1601dab";

    record Run(int status, String out, String err) {
    }

    static Run probe(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "probe";
        System.arraycopy(args, 0, all, 1, args.length);
        int status = cli.execute(all);
        return new Run(status, out.toString(), err.toString());
    }

    static void assumeSocat() {
        if (PtyPair.findSocat().isPresent()) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(PtyPair.SOCAT_MISSING + " (CI=true: pty tests must run)");
        }
        Assumptions.abort(PtyPair.SOCAT_MISSING + "; skipping the probe pty test");
    }

    /** A shell that writes {@code hex} into {@code path} five times a second until killed. */
    static Process feeder(Path path, String hex) throws IOException {
        StringBuilder octal = new StringBuilder();
        for (byte b : Hex.parse(hex)) {
            octal.append(String.format("\\%03o", b & 0xFF));
        }
        String script = "while :; do printf '" + octal + "'; sleep 0.2; done > '" + path + "'";
        return new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
    }

    static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
    }

    @Test
    void registersTheUartKinds() {
        assertThat(Probers.all()).containsKeys("pms5003", "pms7003", "sds011");
    }

    @Test
    void decodesAPms5003FramePrintedIntoAPty() throws Exception {
        assumeSocat();
        try (PtyPair pair = PtyPair.start()) {
            Process shell = feeder(pair.b(), PMS_FRAME);
            try {
                Run r = probe("--port", pair.a().toString(), "--device", "pms5003", "--count", "2", "--raw",
                        "--timeout", "5");
                assertThat(r.status()).as(r.err()).isZero();
                List<String> lines = r.out().lines().toList();
                assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line)
                        .contains(" pm2_5=24 ", " pm10=30 ", " pm2_5_cf1=27 ", " n0_3=3120 ", " flag=N ")
                        .endsWith(" raw=" + PMS_FRAME));
            } finally {
                stop(shell);
            }
        }
    }

    @Test
    void decodesAnSds011FramePrintedIntoAPty() throws Exception {
        assumeSocat();
        try (PtyPair pair = PtyPair.start()) {
            Process shell = feeder(pair.b(), SDS_FRAME);
            try {
                Run r = probe("--port", pair.a().toString(), "--device", "sds011", "--timeout", "5");
                assertThat(r.status()).as(r.err()).isZero();
                assertThat(r.out().strip()).startsWith("device=sds011 ").endsWith(" pm2_5=123.6 pm10=261.8 flag=N");
            } finally {
                stop(shell);
            }
        }
    }

    @Test
    void garbageOnlyFailsNamingTheBadChecksums() throws Exception {
        assumeSocat();
        String corrupt = PMS_FRAME.substring(0, 20) + "ff" + PMS_FRAME.substring(22);
        try (PtyPair pair = PtyPair.start()) {
            Process shell = feeder(pair.b(), corrupt);
            try {
                Run r = probe("--port", pair.a().toString(), "--device", "pms7003", "--timeout", "1");
                assertThat(r.status()).isEqualTo(1);
                assertThat(r.out()).isEmpty();
                assertThat(r.err()).contains("nothing valid from pms7003").contains("bad checksums")
                        .doesNotContain(" 0 bad checksums");
            } finally {
                stop(shell);
            }
        }
    }

    @Test
    void aSilentPortFailsAfterTheTimeout() throws Exception {
        assumeSocat();
        try (PtyPair pair = PtyPair.start()) {
            Run r = probe("--port", pair.a().toString(), "--device", "sds011", "--timeout", "0.3");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).contains("nothing valid from sds011").contains("within 0.3 s").contains("no valid frame");
        }
    }

    @Test
    void aPortThatDoesNotExistFails(@TempDir Path dir) {
        Run r = probe("--port", dir.resolve("ttyUSB7").toString(), "--device", "pms5003");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("cannot open serial port").contains("ttyUSB7").contains("no such device");
    }

    @Test
    void aSerialDeviceWithoutPortIsAnInputError() {
        Run r = probe("--device", "pms5003");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--port");
    }

    @Test
    void badParityIsAnInputError(@TempDir Path dir) {
        Run r = probe("--port", dir.resolve("x").toString(), "--device", "sds011", "--parity", "mark");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("parity");
    }

    @Test
    void aReadingAboveRangeShowsFlagT() {
        ReadingSet set = ReadingSet.of("pms5003", Instant.parse("2026-11-23T00:00:00Z"),
                List.of(Reading.normal("pm2_5", 24), new Reading("pm10", 612, QualityFlag.T)));
        assertThat(UartSensorProber.line(set, new byte[] {0x42, 0x4d}))
                .isEqualTo("device=pms5003 time=2026-11-23T00:00:00Z pm2_5=24 pm10=612 flag=T raw=424d");
    }
}
