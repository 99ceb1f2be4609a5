package dev.lantian.agent.uplink;

import dev.lantian.agent.config.ConfigLoader;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.config.SiteConfig.MqttProtocol;
import dev.lantian.agent.store.MemoryOutbox;
import dev.lantian.hardware.time.BoardClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings from the site file (password from its file, client id, hash) and a broker that wants a password. */
class CredentialsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void settingsComeFromTheSiteFileWithThePasswordReadFromItsFile() throws Exception {
        Path password = dir.resolve("mqtt-password");
        Files.writeString(password, "s3cret-Ö\n");
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, "not read until connecting\n");
        String text = Files.readString(Path.of("examples/voc-unit.yaml"))
                .replace("/etc/lantian/mqtt-password", password.toString())
                .replace("/etc/lantian/bureau-ca.pem", ca.toString());
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, text);
        SiteConfig config = ConfigLoader.load(site);
        MqttSettings s = MqttSettings.from(config, "1.2.3");
        assertThat(s.password()).contains("s3cret-Ö");
        assertThat(s.username()).contains("ha-demo-jiaju");
        assertThat(s.protocol()).isEqualTo(MqttProtocol.V5);
        assertThat(s.secure()).isTrue();
        assertThat(s.tls().flatMap(SiteConfig.Tls::caFile)).contains(ca);
        assertThat(s.clientId()).isEqualTo("lantian-010000A8900016F000169DC1");
        assertThat(s.topics().device()).isEqualTo(config.site().deviceId());
        assertThat(s.topics().enterprise()).isEqualTo(config.site().enterpriseCode());
        assertThat(s.backlogRate()).isEqualTo(20);
        assertThat(s.version()).isEqualTo("1.2.3");
        assertThat(s.configHash()).hasSize(16).matches("[0-9a-f]+");

        Files.writeString(site, text.replace("backlog_rate: 20", "backlog_rate: 21"));
        assertThat(MqttSettings.from(ConfigLoader.load(site), "1.2.3").configHash()).isNotEqualTo(s.configHash());
        Files.writeString(site, text.replace("    client_id: lantian-010000A8900016F000169DC1\n", ""));
        assertThat(MqttSettings.from(ConfigLoader.load(site), "1.2.3").clientId())
                .isEqualTo("lantian-" + config.site().deviceId());
    }

    @Test
    void theRightPasswordConnectsAndAWrongOneIsRefusedWithoutLosingAReport() throws Exception {
        Mosquitto.assumeInstalled();
        try (Mosquitto broker = Mosquitto.withPassword(dir, "board-7", "right horse").start();
             Subscriber bureau = new Subscriber(broker.url(), "lantian/#")) {
            MemoryOutbox outbox = new MemoryOutbox(Clock.systemUTC());
            outbox.append(Drafts.minutes(0, 2, 4));
            try (MqttUplink wrong = uplink(broker, "wrong battery", outbox)) {
                wrong.start();
                Await.until("a refused attempt", WAIT, () -> wrong.view().lastError().isPresent());
                assertThat(wrong.view().connected()).isFalse();
                assertThat(wrong.view().lastError().get()).containsIgnoringCase("not authori");
            }
            assertThat(outbox.pendingCount()).isEqualTo(2);
            try (MqttUplink right = uplink(broker, "right horse", outbox)) {
                right.start();
                assertThat(bureau.awaitSequence(2, WAIT)).isTrue();
                Await.until("acknowledged", WAIT, () -> outbox.pendingCount() == 0);
            }
        }
    }

    private static MqttUplink uplink(Mosquitto broker, String password, MemoryOutbox outbox) {
        MqttSettings s = MqttSettings.of("tcp://127.0.0.1:" + broker.tlsPort(), MqttProtocol.V3_1_1, "ent-1",
                Drafts.DEVICE).withCredentials("board-7", password).withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        return new MqttUplink(s, outbox, outbox, (l, t) -> { }, BrokerOutageTest.session(s),
                BoardClock.system(ZoneOffset.UTC), new SplittableRandom(4));
    }
}
