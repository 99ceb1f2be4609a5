package dev.lantian.agent.uplink;

import dev.lantian.agent.config.SiteConfig.MqttProtocol;
import dev.lantian.agent.config.SiteConfig.Tls;
import dev.lantian.agent.store.MemoryOutbox;
import dev.lantian.hardware.time.BoardClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** TLS to a real mosquitto: the broker is always verified (CA and host name), client certificates work. */
class TlsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private TestCertificates pki;
    private Path ca;
    private Path server;

    @BeforeEach
    void pki() throws Exception {
        Mosquitto.assumeInstalled();
        TestCertificates.assumeOpenssl();
        pki = new TestCertificates(dir);
        ca = pki.ca("bureau-ca");
        server = pki.signed("bureau-ca", "broker", "IP:127.0.0.1,DNS:localhost");
    }

    @Test
    void withTheRightCaAndAClientCertificateReportsArriveOverTls() throws Exception {
        Path client = pki.signed("bureau-ca", "board", "");
        try (Mosquitto broker = Mosquitto.tls(dir, ca, server, pki.key("broker"), true).start();
             Subscriber bureau = new Subscriber(broker.url(), "lantian/#")) {
            MemoryOutbox outbox = new MemoryOutbox(Clock.systemUTC());
            long seq = outbox.append(Drafts.minutes(0, 1, 4)).get(0).sequence();
            try (MqttUplink uplink = uplink(broker, MqttProtocol.V5,
                    new Tls(Optional.of(ca), Optional.of(client), Optional.of(pki.key("board"))), outbox)) {
                uplink.start();
                assertThat(bureau.awaitSequence(seq, WAIT)).isTrue();
                Await.until("acknowledged", WAIT, () -> outbox.pendingCount() == 0);
            }
        }
    }

    @Test
    void aBrokerSignedByAnotherCaIsRefused() throws Exception {
        Path wrong = pki.ca("someone-else");
        assertRefused(new Tls(Optional.of(wrong), Optional.empty(), Optional.empty()), "broker", "PKIX");
    }

    @Test
    void aBrokerCertificateForAnotherHostIsRefused() throws Exception {
        pki.signed("bureau-ca", "elsewhere", "DNS:mqtt.elsewhere.example");
        assertRefused(new Tls(Optional.of(ca), Optional.empty(), Optional.empty()), "elsewhere", "subject alternative name");
    }

    @Test
    void withoutAClientCertificateABrokerThatWantsOneRefuses() throws Exception {
        try (Mosquitto broker = Mosquitto.tls(dir, ca, server, pki.key("broker"), true).start()) {
            MemoryOutbox outbox = new MemoryOutbox(Clock.systemUTC());
            try (MqttUplink uplink = uplink(broker, MqttProtocol.V3_1_1,
                    new Tls(Optional.of(ca), Optional.empty(), Optional.empty()), outbox)) {
                uplink.start();
                Await.until("a failed attempt", WAIT, () -> uplink.view().lastError().isPresent());
                assertThat(uplink.view().connected()).isFalse();
            }
        }
    }

    private void assertRefused(Tls tls, String serverName, String errorHint) throws Exception {
        Path cert = dir.resolve(serverName + ".pem");
        try (Mosquitto broker = Mosquitto.tls(dir, ca, cert, pki.key(serverName), false).start();
             Subscriber bureau = new Subscriber(broker.url(), "lantian/#")) {
            MemoryOutbox outbox = new MemoryOutbox(Clock.systemUTC());
            outbox.append(Drafts.minutes(0, 3, 4));
            try (MqttUplink uplink = uplink(broker, MqttProtocol.V3_1_1, tls, outbox)) {
                uplink.start();
                Await.until("a failed attempt", WAIT, () -> uplink.view().lastError().isPresent());
                assertThat(uplink.view().connected()).isFalse();
                assertThat(uplink.view().lastError().get()).contains(errorHint);
                assertThat(outbox.pendingCount()).isEqualTo(3);
                assertThat(bureau.received()).isEmpty();
            }
        }
    }

    private static MqttUplink uplink(Mosquitto broker, MqttProtocol protocol, Tls tls, MemoryOutbox outbox) {
        MqttSettings s = MqttSettings.of("ssl://127.0.0.1:" + broker.tlsPort(), protocol, "ent-1", Drafts.DEVICE)
                .withTls(tls).withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        return new MqttUplink(s, outbox, outbox, (l, t) -> { }, BrokerOutageTest.session(s),
                BoardClock.system(ZoneOffset.UTC), new SplittableRandom(9));
    }
}
