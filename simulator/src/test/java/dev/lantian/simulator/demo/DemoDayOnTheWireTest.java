package dev.lantian.simulator.demo;

import dev.lantian.agent.cli.ExitCodes;
import dev.lantian.simulator.device.Socat;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof: the shipped demo day, whole, through a real mosquitto, with the serial devices
 * on socat pty pairs and the VOC fan meter on a loopback Modbus TCP socket, read by the agent's real
 * links and drivers. Every scripted violation must be flagged on the right equipment within three
 * minutes of its scripted start and end, the hour-long broker outage must be seen by the bureau and
 * bridged by the board's outbox, and every report the board numbered must reach the bureau.
 * Takes about 80 s of wall time unpaced (`--wall 0`).
 */
class DemoDayOnTheWireTest {

    @Test
    void theWholeDemoDayOverPtysAndMosquittoLosesNothingAndFlagsWhatWasScripted() throws Exception {
        Socat.required();
        Mosquitto.assumeInstalled();
        String text;
        int code;
        try (Mosquitto broker = Mosquitto.start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            code = new CommandLine(new DemoCommand(DemoSetups.simulator(), new PrintStream(out, true, StandardCharsets.UTF_8)))
                    .execute("--broker", broker.url(), "--wall", "0");
            text = out.toString(StandardCharsets.UTF_8);
        }
        assertThat(code).as(text).isEqualTo(ExitCodes.OK);
        assertThat(text).contains("devices on pty pairs (socat) and loopback TCP").doesNotContain("socat not found")
                .contains("RESULT: PASS").contains("gaps 0 · dups 0 · invalid 0")
                .contains("violations: matched 6 · missed 0 · unexpected 0");

        Matcher sent = Pattern.compile("reports: sent (\\d+) · received (\\d+) · unacknowledged 0").matcher(text);
        assertThat(sent.find()).as(text).isTrue();
        assertThat(sent.group(2)).isEqualTo(sent.group(1));
        // a day of minute, ten-minute, hour and day reports, events and heartbeats: well over a thousand
        assertThat(Long.parseLong(sent.group(1))).isGreaterThan(1500);

        Matcher outage = Pattern.compile("broker outage 2026-10-20T05:00:00Z → 2026-10-20T06:00:00Z: bureau saw the board "
                + "offline, (\\d+) report\\(s\\) held in its outbox, back online after").matcher(text);
        assertThat(outage.find()).as(text).isTrue();
        // an hour of minute reports at least, held while the broker was away and delivered after (gaps 0)
        assertThat(Long.parseLong(outage.group(1))).isGreaterThanOrEqualTo(60);

        // rule, equipment, scripted start and end (UTC; the scenario's local times are +08:00)
        assertThat(text).containsPattern(row("linkage.treatment-not-running", "bag-filter", "01:00:00", "01:40:00"))
                .containsPattern(row("linkage.treatment-low-load", "voc-unit", "02:30:00", "03:00:00"))
                .containsPattern(row("tamper.clamp-removed", "bag-filter", "04:30:00", "04:50:00"))
                .containsPattern(row("emergency.stop", "line2", "07:15:00", "09:00:00"))
                .containsPattern("matched\\s+board\\.clock-step\\s+board\\s+2026-10-20T10:10:00Z");
    }

    /** A matched row whose flagged start and end lie within the three minutes after the scripted ones. */
    private static Pattern row(String rule, String equipment, String start, String end) {
        return Pattern.compile("matched\\s+" + Pattern.quote(rule) + "\\s+" + Pattern.quote(equipment)
                + "\\s+2026-10-20T" + start + "Z\\s+2026-10-20T" + within3(start) + "\\S*\\s+2026-10-20T" + end
                + "Z\\s+2026-10-20T" + within3(end));
    }

    private static String within3(String hhmmss) {
        String hh = hhmmss.substring(0, 2);
        int mm = Integer.parseInt(hhmmss.substring(3, 5));
        return hh + ":(" + String.format("%02d|%02d|%02d", mm, mm + 1, mm + 2) + "):";
    }
}
