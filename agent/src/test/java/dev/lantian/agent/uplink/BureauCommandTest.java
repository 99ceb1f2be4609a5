package dev.lantian.agent.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lantian.agent.config.SiteConfig.MqttProtocol;
import dev.lantian.agent.equipment.AlertLevel;
import dev.lantian.agent.store.MemoryOutbox;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportJson;
import dev.lantian.hardware.time.BoardClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Bureau commands through a real mosquitto: bad ones get an error reply and change nothing, the uplink keeps going. */
class BureauCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "lantian/ent-1/" + Drafts.DEVICE;

    @TempDir
    Path dir;

    private final List<String> alerts = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void malformedUnknownForeignAndStaleCommandsAreAnsweredWithAnErrorAndTheUplinkKeepsPublishing() throws Exception {
        Mosquitto.assumeInstalled();
        MemoryOutbox outbox = new MemoryOutbox(Clock.systemUTC());
        try (Mosquitto broker = Mosquitto.plain(dir).start();
             Subscriber bureau = new Subscriber(broker.url(), BASE + "/#");
             MqttUplink uplink = uplink(broker, MqttProtocol.V5, outbox)) {
            uplink.start();
            Await.until("online", WAIT, () -> !bureau.on("/state").isEmpty());
            String now = Instant.now().toString();
            String[][] bad = {
                {"{not json", "not JSON"},
                {"[1,2]", "a command is a JSON object"},
                {"{\"command\":\"ping\",\"device\":\"" + Drafts.DEVICE + "\"}", "field 'id'"},
                {cmd("c1", "reboot", Drafts.DEVICE, ""), "unknown command 'reboot'"},
                {cmd("c2", "ping", "FFFFFFFFFFFFFFFFFFFFFFFF", ""), "not this device"},
                {cmd("c3", "alert", Drafts.DEVICE, ",\"at\":\"" + now + "\""), "field 'level'"},
                {cmd("c4", "alert", Drafts.DEVICE, ",\"level\":\"purple\",\"at\":\"" + now + "\""), "field 'level'"},
                {cmd("c5", "alert", Drafts.DEVICE, ",\"level\":\"red\",\"at\":\"yesterday\""), "field 'at'"},
                {cmd("c6", "alert", Drafts.DEVICE, ",\"level\":\"red\",\"at\":\"2020-01-01T00:00:00Z\""), "older than"},
                {cmd("c7", "history", Drafts.DEVICE, ",\"from\":\"" + now + "\",\"to\":\"2020-01-01T00:00:00Z\""),
                    "'from' must lie before 'to'"},
                {cmd("c8", "history", Drafts.DEVICE, ",\"from\":\"2020-01-01T00:00:00Z\",\"to\":\"" + now
                    + "\",\"kinds\":[\"weekly\"]"), "unknown report kind 'weekly'"},
            };
            for (int i = 0; i < bad.length; i++) {
                bureau.publish(BASE + "/command", bad[i][0]);
                int replies = i + 1;
                Await.until("reply " + replies, WAIT, () -> bureau.on("/reply").size() == replies);
                JsonNode reply = JSON.readTree(bureau.on("/reply").get(i).payload());
                assertThat(reply.get("ok").asBoolean()).as(bad[i][0]).isFalse();
                assertThat(reply.get("error").asText()).as(bad[i][0]).contains(bad[i][1]);
                assertThat(reply.has("id")).isTrue();
            }
            assertThat(JSON.readTree(bureau.on("/reply").get(3).payload()).get("id").asText()).isEqualTo("c1");
            assertThat(alerts).isEmpty();

            Report after = outbox.append(List.of(Drafts.minute(0, 4))).get(0);
            uplink.wake();
            assertThat(bureau.awaitSequence(after.sequence(), WAIT)).as("still publishing").isTrue();

            bureau.publish(BASE + "/command", cmd("ok1", "alert", Drafts.DEVICE, ",\"level\":\"orange\",\"at\":\"" + now + "\""));
            Await.until("alert applied", WAIT, () -> alerts.size() == 1);
            assertThat(alerts).containsExactly(AlertLevel.ORANGE + "@" + now);
            bureau.publish(BASE + "/command", cmd("ok2", "ping", Drafts.DEVICE, ""));
            Await.until("pong", WAIT, () -> bureau.on("/reply").size() == bad.length + 2);
            JsonNode pong = JSON.readTree(bureau.on("/reply").get(bad.length + 1).payload());
            assertThat(pong.get("ok").asBoolean()).isTrue();
            assertThat(pong.get("error").isNull()).isTrue();
            assertThat(pong.get("uplink").get("connected").asBoolean()).isTrue();
            assertThat(uplink.view().connected()).isTrue();
        }
    }

    @Test
    void aRetainedCommandIsRefusedSoAReconnectNeverRepeatsIt() throws Exception {
        Mosquitto.assumeInstalled();
        MemoryOutbox outbox = new MemoryOutbox(Clock.systemUTC());
        try (Mosquitto broker = Mosquitto.plain(dir).start();
             Subscriber bureau = new Subscriber(broker.url(), BASE + "/#")) {
            bureau.publishRetained(BASE + "/command", cmd("r1", "alert", Drafts.DEVICE,
                    ",\"level\":\"red\",\"at\":\"" + Instant.now() + "\""));
            try (MqttUplink uplink = uplink(broker, MqttProtocol.V3_1_1, outbox)) {
                uplink.start();
                Await.until("reply", WAIT, () -> bureau.on("/reply").size() == 1);
                JsonNode reply = JSON.readTree(bureau.on("/reply").get(0).payload());
                assertThat(reply.get("ok").asBoolean()).isFalse();
                assertThat(reply.get("id").asText()).isEqualTo("r1");
                assertThat(reply.get("error").asText()).contains("retained");
                assertThat(alerts).isEmpty();
            }
        }
    }

    @Test
    void aHistoryRequestRepublishesStoredReportsMarkedResent() throws Exception {
        Mosquitto.assumeInstalled();
        MemoryOutbox outbox = new MemoryOutbox(Clock.systemUTC());
        outbox.append(Drafts.minutes(0, 120, 2));
        try (Mosquitto broker = Mosquitto.plain(dir).start();
             Subscriber bureau = new Subscriber(broker.url(), BASE + "/#");
             MqttUplink uplink = uplink(broker, MqttProtocol.V3_1_1, outbox)) {
            uplink.start();
            Await.until("all sent once", WAIT, () -> outbox.pendingCount() == 0 && bureau.distinctSequences() == 120);
            int before = bureau.on("/minute").size();
            bureau.publish(BASE + "/command", cmd("h1", "history", Drafts.DEVICE,
                    ",\"from\":\"2026-03-01T00:30:00Z\",\"to\":\"2026-03-01T01:00:00Z\",\"kinds\":[\"minute\"]"));
            Await.until("30 re-sent", WAIT, () -> bureau.on("/minute").size() == before + 30);
            List<Report> again = bureau.on("/minute").subList(before, before + 30).stream()
                    .map(r -> ReportJson.read(r.payload())).toList();
            assertThat(again).allMatch(Report::resent);
            assertThat(again).extracting(Report::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(31, 60).boxed().toList());
            JsonNode reply = JSON.readTree(bureau.on("/reply").get(0).payload());
            assertThat(reply.get("ok").asBoolean()).isTrue();
            assertThat(reply.get("count").asInt()).isEqualTo(30);
            assertThat(outbox.pendingCount()).isZero();
        }
    }

    private MqttUplink uplink(Mosquitto broker, MqttProtocol protocol, MemoryOutbox outbox) {
        MqttSettings s = MqttSettings.of(broker.url(), protocol, "ent-1", Drafts.DEVICE).withBacklogRate(1000)
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        return new MqttUplink(s, outbox, outbox, (level, at) -> alerts.add(level + "@" + at),
                BrokerOutageTest.session(s), BoardClock.system(ZoneOffset.UTC), new SplittableRandom(3));
    }

    private static String cmd(String id, String command, String device, String rest) {
        return "{\"id\":\"" + id + "\",\"command\":\"" + command + "\",\"device\":\"" + device + "\"" + rest + "}";
    }
}
