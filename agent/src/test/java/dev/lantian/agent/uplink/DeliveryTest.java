package dev.lantian.agent.uplink;

import dev.lantian.agent.config.SiteConfig.MqttProtocol;
import dev.lantian.agent.store.MemoryOutbox;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportJson;
import dev.lantian.hardware.time.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Lanes, pacing, acknowledgement and reconnects against a scripted broker on a virtual clock. */
class DeliveryTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC);
    private final MemoryOutbox outbox = new MemoryOutbox(clock);
    private final FakeSession broker = new FakeSession();
    private final List<String> alerts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private MqttUplink uplink;

    private MqttUplink uplink(MqttSettings s) {
        uplink = new MqttUplink(s, outbox, outbox, (level, at) -> alerts.add(level + "@" + at), broker, clock,
                new SplittableRandom(5));
        return uplink;
    }

    private static MqttSettings settings() {
        return MqttSettings.of("tcp://fake:1883", MqttProtocol.V3_1_1, "ent-1", Drafts.DEVICE);
    }

    @AfterEach
    void close() {
        if (uplink != null) {
            uplink.close();
        }
    }

    private List<Long> sequencesSent() {
        return broker.sentTo("/minute").stream().map(s -> ReportJson.read(s.payload()).sequence()).toList();
    }

    @Test
    void backlogGoesOldestFirstAndReportsAppendedWhileConnectedGoNewestFirst() {
        broker.autoAck(false);
        outbox.append(Drafts.minutes(0, 5, 2));
        uplink(settings().withMaxInFlight(3).withBacklogRate(1000)).start();
        Await.until("window filled", LIMIT, () -> sequencesSent().size() == 3);
        outbox.append(Drafts.minutes(5, 3, 2));
        uplink.wake();
        for (int sent = 4; sent <= 8; sent++) {
            assertThat(broker.ackOldestReport()).isTrue();
            int expected = sent;
            Await.until(expected + " sent", LIMIT, () -> sequencesSent().size() == expected);
        }
        assertThat(sequencesSent()).containsExactly(1L, 2L, 3L, 8L, 7L, 6L, 4L, 5L);
    }

    @Test
    void aReportLeavesTheOutboxOnlyWhenTheBrokerAcknowledgedIt() {
        broker.autoAck(false);
        outbox.append(Drafts.minutes(0, 4, 2));
        uplink(settings()).start();
        Await.until("all published", LIMIT, () -> sequencesSent().size() == 4);
        assertThat(outbox.pendingCount()).isEqualTo(4);
        broker.ackOldestReport();
        broker.ackOldestReport();
        Await.until("two acknowledged", LIMIT, () -> outbox.pendingCount() == 2);
        assertThat(outbox.oldestPending(10)).extracting(Report::sequence).containsExactly(3L, 4L);
        assertThat(uplink.view().acknowledged()).isEqualTo(2);
        assertThat(uplink.view().published()).isEqualTo(4);
    }

    @Test
    void theBacklogDrainsAtTheConfiguredRateOnTheInjectedClock() {
        broker.autoAck(true);
        outbox.append(Drafts.minutes(0, 200, 1));
        Instant start = clock.instant();
        uplink(settings().withBacklogRate(20)).start();
        Await.until("backlog drained", LIMIT, () -> outbox.pendingCount() == 0);
        Duration took = Duration.between(start, clock.instant());
        // a burst of one second's worth (20), then 180 at 20/s: at least 9 s of board time
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(9)).isLessThan(Duration.ofSeconds(11));
        assertThat(sequencesSent()).isSorted().hasSize(200);
    }

    @Test
    void whatWasInFlightWhenTheConnectionBrokeIsSentAgainAfterABackoff() {
        broker.autoAck(false);
        outbox.append(Drafts.minutes(0, 6, 2));
        uplink(settings().withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(60))).start();
        Await.until("published", LIMIT, () -> sequencesSent().size() == 6);
        broker.ackOldestReport();
        broker.ackOldestReport();
        Await.until("two acknowledged", LIMIT, () -> outbox.pendingCount() == 4);
        broker.reachable(false);
        Instant lost = clock.instant();
        broker.drop();
        Await.until("three failed attempts", LIMIT, () -> broker.connectAttempts() >= 4);
        assertThat(uplink.view().connected()).isFalse();
        assertThat(uplink.view().lastError()).hasValueSatisfying(e -> assertThat(e).contains("refused"));
        broker.reachable(true);
        broker.autoAck(true);
        Await.until("resent and acknowledged", LIMIT, () -> outbox.pendingCount() == 0);
        assertThat(sequencesSent()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 3L, 4L, 5L, 6L);
        assertThat(clock.instant()).isAfter(lost);
        assertThat(uplink.view().reconnects()).isEqualTo(1);
        assertThat(broker.subscriptions()).containsOnly("lantian/ent-1/" + Drafts.DEVICE + "/command");
    }

    @Test
    void thePublishedTextIsTheStoredPayloadWithItsAcquisitionTime() {
        broker.autoAck(true);
        Report stored = outbox.append(Drafts.minutes(3, 1, 16)).get(0);
        clock.advance(Duration.ofHours(5));
        uplink(settings()).start();
        Await.until("sent", LIMIT, () -> outbox.pendingCount() == 0);
        FakeSession.Sent sent = broker.sentTo("/minute").get(0);
        assertThat(sent.topic()).isEqualTo("lantian/ent-1/" + Drafts.DEVICE + "/minute");
        assertThat(sent.payload()).isEqualTo(ReportJson.write(stored));
        assertThat(ReportJson.read(sent.payload()).acquiredAt()).isEqualTo(Drafts.minute(3, 16).acquiredAt());
        assertThat(sent.retained()).isFalse();
    }

    @Test
    void announcesItselfRetainedAndSaysOfflineOnACleanClose() {
        broker.autoAck(true);
        uplink(settings()).start();
        Await.until("online", LIMIT, () -> !broker.sentTo("/state").isEmpty());
        FakeSession.Sent birth = broker.sentTo("/state").get(0);
        assertThat(birth.retained()).isTrue();
        assertThat(birth.payload()).contains("\"state\":\"online\"", "\"version\":\"test\"", "\"config_hash\":\"none\"");
        uplink.close();
        List<FakeSession.Sent> states = broker.sentTo("/state");
        assertThat(states.get(states.size() - 1).payload()).contains("\"state\":\"offline\"");
        assertThat(states.get(states.size() - 1).retained()).isTrue();
    }
}
