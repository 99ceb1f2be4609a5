package dev.lantian.agent.uplink;

import dev.lantian.agent.config.SiteConfig.MqttProtocol;
import dev.lantian.agent.store.MemoryOutbox;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportJson;
import dev.lantian.hardware.time.BoardClock;
import dev.lantian.hardware.time.VirtualClock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A virtual day of 1-minute reports for 16 channels while the broker is stopped for eight hours
 * of it and then restarted: the bureau's independent subscriber receives every sequence number,
 * in order within each lane, and a duplicate is only ever the same report again.
 */
class BrokerOutageTest {
    private static final int DAY = 1440;
    private static final int CHANNELS = 16;
    private static final int STOP_AT = 480;
    private static final int RESTART_AT = 960;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void everyReportArrivesAfterABrokerOutage(MqttProtocol protocol) throws Exception {
        Mosquitto.assumeInstalled();
        VirtualClock day = new VirtualClock(Drafts.DAY, ZoneOffset.UTC);
        MemoryOutbox outbox = new MemoryOutbox(day);
        MqttSettings settings = MqttSettings.of("tcp://127.0.0.1:0", protocol, "ent-1", Drafts.DEVICE);
        try (Mosquitto broker = Mosquitto.plain(dir).start()) {
            settings = new MqttSettings(broker.url(), protocol, settings.clientId(), settings.username(),
                    settings.password(), settings.tls(), settings.topics(), 1000, 10, Duration.ofSeconds(30),
                    Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(800),
                    settings.commandMaxAge(), "test", "none");
            try (Subscriber bureau = new Subscriber(broker.url(), "lantian/ent-1/" + Drafts.DEVICE + "/#");
                 MqttUplink uplink = new MqttUplink(settings, outbox, outbox, (l, t) -> { }, session(settings),
                         BoardClock.system(ZoneOffset.UTC), new SplittableRandom(11))) {
                uplink.start();
                for (int m = 0; m < DAY; m++) {
                    if (m == STOP_AT) {
                        broker.stop();
                    }
                    if (m == RESTART_AT) {
                        broker.start();
                    }
                    day.advance(Duration.ofMinutes(1));
                    Report r = outbox.append(List.of(Drafts.minute(m, CHANNELS))).get(0);
                    uplink.wake();
                    boolean brokerUp = m < STOP_AT || m >= RESTART_AT;
                    if (brokerUp) {
                        assertThat(bureau.awaitSequence(r.sequence(), WAIT)).as("report %d arrives", r.sequence())
                                .isTrue();
                    }
                }
                Await.until("outbox empty", WAIT, () -> outbox.pendingCount() == 0);
                assertThat(uplink.view().reconnects()).isGreaterThanOrEqualTo(1);
                assertThat(bureau.on("/state")).filteredOn(r -> r.payload().contains("\"online\""))
                        .as("announced online again after the restart").hasSizeGreaterThanOrEqualTo(2);
                checkArrivals(bureau.on("/minute"));
            }
        }
    }

    private static void checkArrivals(List<Subscriber.Received> arrivals) {
        Map<Long, String> first = new HashMap<>();
        List<Long> liveOrder = new ArrayList<>();
        List<Long> backlogOrder = new ArrayList<>();
        for (Subscriber.Received r : arrivals) {
            Report report = ReportJson.read(r.payload());
            long seq = report.sequence();
            String earlier = first.putIfAbsent(seq, r.payload());
            if (earlier != null) {
                assertThat(r.payload()).as("a duplicate of %d is the same report", seq).isEqualTo(earlier);
                continue;
            }
            assertThat(report.acquiredAt()).isEqualTo(Drafts.minute((int) seq - 1, CHANNELS).acquiredAt());
            boolean producedDuringOutage = seq > STOP_AT && seq <= RESTART_AT;
            (producedDuringOutage ? backlogOrder : liveOrder).add(seq);
        }
        assertThat(first.keySet()).hasSize(DAY);
        assertThat(first).containsOnlyKeys(java.util.stream.LongStream.rangeClosed(1, DAY).boxed().toList());
        assertThat(backlogOrder).as("backlog oldest first").isSorted().hasSize(RESTART_AT - STOP_AT);
        assertThat(liveOrder).as("live reports in the order they were made").isSorted();
    }

    static BrokerSession session(MqttSettings s) {
        return s.protocol() == MqttProtocol.V5 ? new PahoV5Session(s) : new PahoV3Session(s);
    }
}
