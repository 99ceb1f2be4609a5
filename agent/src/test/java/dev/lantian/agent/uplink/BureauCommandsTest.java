package dev.lantian.agent.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lantian.agent.store.MemoryOutbox;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.hardware.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Command handling without a broker: the edges a real bureau rarely produces. */
class BureauCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VirtualClock clock = new VirtualClock(Drafts.DAY.plus(Duration.ofDays(1)), ZoneOffset.UTC);
    private final MemoryOutbox outbox = new MemoryOutbox(clock);
    private final List<Report> queued = new ArrayList<>();

    private BureauCommands commands(CommandTarget target) {
        return new BureauCommands(Drafts.DEVICE, new CommandParser(Drafts.DEVICE, clock, Duration.ofMinutes(15)),
                target, outbox, queued::addAll,
                () -> new UplinkView("fake", false, 0, 0, 0, 0, Optional.empty(), Optional.empty()), clock);
    }

    private JsonNode handle(BureauCommands c, String json) throws Exception {
        return JSON.readTree(c.handle(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEquipmentStageThatFailsGivesAnErrorReplyNotACrash() throws Exception {
        BureauCommands c = commands((level, at) -> {
            throw new IllegalStateException("equipment stage closed");
        });
        JsonNode reply = handle(c, "{\"id\":\"a1\",\"command\":\"alert\",\"device\":\"" + Drafts.DEVICE
                + "\",\"level\":\"red\",\"at\":\"" + clock.instant() + "\"}");
        assertThat(reply.get("ok").asBoolean()).isFalse();
        assertThat(reply.get("command").asText()).isEqualTo("alert");
        assertThat(reply.get("error").asText()).contains("equipment stage closed");
    }

    @Test
    void anAlertTooFarInTheFutureIsRefused() throws Exception {
        JsonNode reply = handle(commands((l, t) -> { }), "{\"id\":\"a2\",\"command\":\"alert\",\"device\":\""
                + Drafts.DEVICE + "\",\"level\":\"red\",\"at\":\"" + clock.instant().plus(Duration.ofHours(2)) + "\"}");
        assertThat(reply.get("error").asText()).contains("future");
    }

    @Test
    void historyQueuesResentCopiesOfTheRequestedKindsOnly() throws Exception {
        outbox.append(Drafts.minutes(0, 30, 2));
        JsonNode reply = handle(commands((l, t) -> { }), "{\"id\":\"h\",\"command\":\"history\",\"device\":\""
                + Drafts.DEVICE + "\",\"from\":\"2026-03-01T00:10:00Z\",\"to\":\"2026-03-01T00:20:00Z\","
                + "\"kinds\":[\"minute\"]}");
        assertThat(reply.get("count").asInt()).isEqualTo(10);
        assertThat(queued).hasSize(10).allMatch(Report::resent).allMatch(r -> r.kind() == ReportKind.MINUTE);
        queued.clear();
        reply = handle(commands((l, t) -> { }), "{\"id\":\"h2\",\"command\":\"history\",\"device\":\""
                + Drafts.DEVICE + "\",\"from\":\"2026-03-01T00:00:00Z\",\"to\":\"2026-03-02T00:00:00Z\","
                + "\"kinds\":[\"hour\"]}");
        assertThat(reply.get("ok").asBoolean()).isTrue();
        assertThat(reply.get("count").asInt()).isZero();
        assertThat(queued).isEmpty();
    }

    @Test
    void anOversizedCommandIsRefusedUnread() throws Exception {
        String big = "{\"id\":\"x\",\"pad\":\"" + "a".repeat(20_000) + "\"}";
        assertThat(handle(commands((l, t) -> { }), big).get("error").asText()).contains("longer than");
    }
}
