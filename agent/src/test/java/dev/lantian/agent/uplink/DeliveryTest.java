package dev.lantian.agent.uplink;

import dev.lantian.agent.config.SiteConfig.MqttProtocol;
import dev.lantian.agent.store.MemoryOutbox;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportJson;
import dev.lantian.hardware.time.PacedClock;
import dev.lantian.hardware.time.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
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
    void theBacklogDrainsWhileThePublisherWaitsEvenWhenTheBoardsDateStandsStill() {
        // the demo's board once its plant day has ended: its date no longer moves, its waits are real
        broker.autoAck(true);
        outbox.append(Drafts.minutes(0, 60, 1));
        uplink = new MqttUplink(settings().withBacklogRate(50), outbox, outbox, (l, t) -> { }, broker,
                new PacedClock(Clock.fixed(clock.instant(), ZoneOffset.UTC)), new SplittableRandom(5));
        uplink.start();
        Await.until("backlog drained", LIMIT, () -> outbox.pendingCount() == 0);
        assertThat(sequencesSent()).isSorted().hasSize(60);
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
        broker.refuseNext(3);
        Instant lost = clock.instant();
        broker.drop();
        Await.until("reconnected and sent again", LIMIT, () -> sequencesSent().size() == 10);
        assertThat(broker.connectAttempts()).isEqualTo(5);
        while (broker.ackOldestReport()) {
            // the broker acknowledges what it got on the new connection
        }
        Await.until("all acknowledged", LIMIT, () -> outbox.pendingCount() == 0);
        assertThat(sequencesSent()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 3L, 4L, 5L, 6L);
        // the three pauses were the backoff's (same seed), taken on the injected clock and nothing else
        Backoff same = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), new SplittableRandom(5));
        assertThat(Duration.between(lost, clock.instant())).isEqualTo(same.next().plus(same.next()).plus(same.next()));
        assertThat(uplink.view().reconnects()).isEqualTo(1);
        assertThat(uplink.view().connected()).isTrue();
        assertThat(uplink.view().lastError()).hasValueSatisfying(e -> assertThat(e).contains("refused"));
        assertThat(broker.subscriptions()).containsOnly("lantian/ent-1/" + Drafts.DEVICE + "/command");
    }

    @Test
    void aFullClientWindowHoldsPublishingBackWithoutDroppingTheConnection() {
        broker.autoAck(false).capacity(3);
        outbox.append(Drafts.minutes(0, 8, 2));
        uplink(settings().withMaxInFlight(10).withBacklogRate(1000)).start();
        Await.until("three in flight", LIMIT, () -> sequencesSent().size() == 3);
        for (int acked = 1; acked <= 8; acked++) {
            int n = acked;
            Await.until("report " + n + " sent", LIMIT, () -> sequencesSent().size() >= n);
            assertThat(broker.ackOldestReport()).isTrue();
        }
        Await.until("all acknowledged", LIMIT, () -> outbox.pendingCount() == 0);
        assertThat(sequencesSent()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(broker.connectAttempts()).isEqualTo(1);
        assertThat(uplink.view().reconnects()).isZero();
    }

    @Test
    void aFailingStoreIsReportedAndRetriedNotFatal() {
        broker.autoAck(true);
        outbox.append(Drafts.minutes(0, 5, 2));
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger(3);
        dev.lantian.agent.store.Outbox flaky = new dev.lantian.agent.store.Outbox() {
            @Override
            public List<Report> append(List<dev.lantian.agent.store.ReportDraft> drafts) {
                return outbox.append(drafts);
            }

            @Override
            public List<Report> oldestPending(int max) {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("database is locked (simulated)");
                }
                return outbox.oldestPending(max);
            }

            @Override
            public List<Report> newestPending(int max) {
                return outbox.newestPending(max);
            }

            @Override
            public void acknowledge(String device, long sequence) {
                outbox.acknowledge(device, sequence);
            }

            @Override
            public long pendingCount() {
                return outbox.pendingCount();
            }
        };
        uplink = new MqttUplink(settings(), flaky, outbox, (l, t) -> { }, broker, clock, new SplittableRandom(5));
        uplink.start();
        Await.until("sent despite the store errors", LIMIT, () -> outbox.pendingCount() == 0);
        assertThat(uplink.view().lastError()).hasValueSatisfying(e -> assertThat(e).contains("database is locked"));
        assertThat(sequencesSent()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aLateLossReportOfAnEarlierConnectionDoesNotEndTheCurrentOne() {
        broker.autoAck(true);
        uplink(settings()).start();
        Await.until("connected", LIMIT, () -> uplink.view().connected());
        broker.drop();
        Await.until("reconnected", LIMIT, () -> uplink.view().reconnects() == 1 && uplink.view().connected());
        broker.lateLossOfFirstConnection();
        outbox.append(Drafts.minutes(0, 1, 2));
        uplink.wake();
        Await.until("sent", LIMIT, () -> outbox.pendingCount() == 0);
        assertThat(uplink.view().connected()).isTrue();
        assertThat(broker.connectAttempts()).isEqualTo(2);
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
