package dev.lantian.agent.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lantian.agent.assembly.Board;
import dev.lantian.agent.assembly.RealComponents;
import dev.lantian.agent.config.ConfigLoader;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.equipment.AlertLevel;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportJson;
import dev.lantian.hardware.i2c.Pi4jBoardIo;
import dev.lantian.hardware.time.BoardClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole board as {@code run} builds it (SQLite store, MQTT uplink, real clock) against a real
 * mosquitto: its heartbeat reaches the bureau, and the bureau's alert level reaches the equipment monitor.
 */
class BoardOverMqttTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String DEVICE = "010000A8900016F000169DC0";
    private static final String BASE = "lantian/hb-demo-jiancai/" + DEVICE;

    @TempDir
    Path dir;

    @Test
    void theHeartbeatReachesTheBureauAndItsAlertLevelReachesTheMonitor() throws Exception {
        Mosquitto.assumeInstalled();
        try (Mosquitto broker = Mosquitto.plain(dir).start();
             Subscriber bureau = new Subscriber(broker.url(), BASE + "/#");
             Pi4jBoardIo io = Pi4jBoardIo.mock()) {
            SiteConfig config = site(broker.url());
            Board board = Board.build(config, RealComponents.forBoard(config,
                    BoardClock.system(config.site().timeZone()), io, ClockQuality.SYNCED, "test"));
            try {
                board.start();
                Await.until("heartbeat at the bureau", WAIT, () -> !bureau.on("/status").isEmpty());
                Report beat = ReportJson.read(bureau.on("/status").get(0).payload());
                assertThat(beat.event().rule()).isEqualTo("heartbeat");
                assertThat(beat.device()).isEqualTo(DEVICE);
                assertThat(beat.clock()).isEqualTo(ClockQuality.SYNCED);

                String at = Instant.now().toString();
                bureau.publish(BASE + "/command", "{\"id\":\"a1\",\"command\":\"alert\",\"device\":\"" + DEVICE
                        + "\",\"level\":\"red\",\"at\":\"" + at + "\"}");
                Await.until("alert level in the monitor", WAIT,
                        () -> board.view().monitor().alertLevel() == AlertLevel.RED);
                Await.until("reply", WAIT, () -> !bureau.on("/reply").isEmpty());
                JsonNode reply = new ObjectMapper().readTree(bureau.on("/reply").get(0).payload());
                assertThat(reply.get("ok").asBoolean()).isTrue();
                assertThat(board.view().uplink().connected()).isTrue();
            } finally {
                board.close();
            }
            Await.until("offline announced", WAIT, () -> bureau.on("/state").stream()
                    .anyMatch(m -> m.payload().contains("offline")));
        }
    }

    private SiteConfig site(String url) throws Exception {
        String text = Files.readString(Path.of("examples/bag-filter-plant.yaml"))
                .replaceAll("port: /dev/\\S+", "port: " + dir.resolve("no-such-port"))
                .replace("/var/lib/lantian/lantian.db", dir.resolve("lantian.db").toString())
                .replace("tcp://127.0.0.1:1883", url);
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, text);
        return ConfigLoader.load(file);
    }
}
