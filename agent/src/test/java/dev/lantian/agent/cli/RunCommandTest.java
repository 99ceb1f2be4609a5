package dev.lantian.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.config.ConfigLoader;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.agent.store.ReportStore;
import dev.lantian.agent.store.SqliteMonitorStateStore;
import dev.lantian.agent.store.StoreSettings;
import dev.lantian.hardware.reading.QualityFlag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} refuses to start half-configured, as the service manager would see it. */
class RunCommandTest {
    private static final Path EXAMPLE = Path.of("examples/bag-filter-plant.yaml");

    @TempDir
    Path dir;

    @Test
    void aMalformedConfigurationExitsTwoNamingEveryFieldAndLine() throws IOException {
        String text = Files.readString(EXAMPLE);
        int baudLine = (int) text.lines().takeWhile(l -> !l.contains("baud: 9600")).count() + 1;
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, text.replaceFirst("baud: 9600", "baud: 9700").replace("poll_period: 10s", "poll_period: soon"));

        MainTest.Run r = MainTest.run("run", "--config", file.toString(), "--for", "1s");

        assertThat(r.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains(file + ":" + baudLine + ":").contains("buses[0].baud")
                .contains("poll_period").contains("the agent does not start");
        assertThat(r.out()).doesNotContain("running");
    }

    @Test
    void aBadDurationIsRefusedBeforeAnythingOpens() {
        MainTest.Run r = MainTest.run("run", "--config", EXAMPLE.toString(), "--for", "a while");
        assertThat(r.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--for: 'a while' is not a positive duration");
    }

    /**
     * The shipped plant with its ports absent (every device answers B), the mock I2C provider, no
     * uplink and the store in a temporary directory: run for 3 s of real time, stop cleanly.
     */
    @Test
    void aScriptedRunStoresTheHeartbeatRawSamplesAndTheEquipmentStateAndStopsCleanly() throws Exception {
        Path db = dir.resolve("var/lantian.db");
        String text = Files.readString(EXAMPLE)
                .replaceAll("port: /dev/\\S+", "port: " + dir.resolve("no-such-port"))
                .replace("/var/lib/lantian/lantian.db", db.toString());
        text = text.substring(0, text.indexOf("uplink:")) + text.substring(text.indexOf("storage:"));
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, text);

        MainTest.Run r = MainTest.run("run", "--config", file.toString(), "--for", "3s", "--io", "mock");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("running " + file + " for 3s");
        assertThat(dir.resolve("var/alive")).exists();
        try (ReportStore store = ReportStore.open(db, StoreSettings.from(ConfigLoader.load(file)), Clock.systemUTC())) {
            List<Report> reports = store.oldestPending(1000);
            assertThat(reports).filteredOn(rep -> rep.kind() == ReportKind.STATUS && rep.event().rule().equals("heartbeat"))
                    .singleElement().satisfies(beat -> {
                        assertThat(beat.device()).isEqualTo("010000A8900016F000169DC0");
                        assertThat(beat.event().detail()).contains("local record only");
                    });
            assertThat(new SqliteMonitorStateStore(store).load()).as("equipment snapshot saved at the stop").isPresent();
            // every bus answered B for 3 s: raw samples were kept
            assertThat(store.samples("line1-power", Instant.EPOCH, Instant.now().plusSeconds(60))).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.flag()).isEqualTo(QualityFlag.B));
        }
    }

    @Test
    void runIsListedInTheHelp() {
        MainTest.Run r = MainTest.run("--help");
        assertThat(r.out()).contains("run");
        MainTest.Run help = MainTest.run("run", "--help");
        assertThat(help.out()).contains("--config", "--for", "SIGTERM");
    }
}
