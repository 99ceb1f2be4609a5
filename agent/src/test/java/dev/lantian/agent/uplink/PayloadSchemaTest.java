package dev.lantian.agent.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.lantian.agent.config.SiteConfig.MqttProtocol;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.MemoryOutbox;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportDraft;
import dev.lantian.agent.store.ReportEvent;
import dev.lantian.agent.store.ReportJson;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.agent.store.ReportValue;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented payloads (docs/examples) and what the board really writes, checked against the JSON Schemas. */
class PayloadSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOCS = docs();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();

    @Test
    void everyDocumentedExampleIsValidAndEveryKindOfPayloadHasOne() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(DOCS.resolve("examples"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                names.add(name);
                String text = Files.readString(f);
                assertThat(errors(schemaFor(name), text)).as(name).isEmpty();
                if (name.startsWith("report-")) {
                    // the board reads and writes the example to the same tree: the example is a real payload
                    assertThat(JSON.readTree(ReportJson.write(ReportJson.read(text)))).as(name).isEqualTo(JSON.readTree(text));
                }
                if (name.startsWith("command-")) {
                    Instant at = Instant.parse("2026-03-01T04:00:00Z");
                    CommandParser parser = new CommandParser("0123456789ABCDEF01234567",
                            new VirtualClock(at, ZoneOffset.UTC), Duration.ofMinutes(15));
                    try {
                        parser.parse(text.getBytes(StandardCharsets.UTF_8));
                    } catch (CommandParser.Rejected r) {
                        throw new AssertionError(name + " rejected: " + r.getMessage());
                    }
                }
            }
        }
        assertThat(names).anyMatch(n -> n.startsWith("report-")).anyMatch(n -> n.startsWith("command-"))
                .anyMatch(n -> n.startsWith("reply-")).anyMatch(n -> n.startsWith("state-"));
    }

    @Test
    void whatTheBoardWritesIsValid() throws IOException {
        VirtualClock clock = new VirtualClock(Drafts.DAY, ZoneOffset.UTC);
        MemoryOutbox outbox = new MemoryOutbox(clock);
        ReportEvent open = new ReportEvent("e1", "emergency.not-limited", "kiln-1", "violation", Drafts.DAY, null, "");
        List<ReportDraft> drafts = List.of(Drafts.minute(0, 16),
                new ReportDraft(Drafts.DEVICE, ReportKind.REALTIME, null, null, Drafts.DAY, ClockQuality.UNSYNCED,
                        List.of(ReportValue.realtime("dust", null, null, Double.NaN, QualityFlag.D)), null),
                new ReportDraft(Drafts.DEVICE, ReportKind.EVENT, null, null, Drafts.DAY, ClockQuality.STEPPED, List.of(),
                        open));
        for (Report r : outbox.append(drafts)) {
            assertThat(errors("report", ReportJson.write(r))).isEmpty();
            assertThat(errors("report", ReportJson.write(r.asResent()))).isEmpty();
        }
        MqttSettings s = MqttSettings.of("tcp://x:1", MqttProtocol.V5, "ent-1", Drafts.DEVICE);
        Presence presence = new Presence(s, clock);
        assertThat(errors("state", new String(presence.will().payload(), StandardCharsets.UTF_8))).isEmpty();
        FakeSession session = new FakeSession();
        session.connect(presence.will(), 1, null);
        presence.goOnline(session);
        assertThat(errors("state", session.sentTo("/state").get(0).payload())).isEmpty();

        BureauCommands commands = new BureauCommands(Drafts.DEVICE,
                new CommandParser(Drafts.DEVICE, clock, Duration.ofMinutes(15)), (l, t) -> { }, outbox, x -> { },
                () -> new UplinkView("t", true, 1, 2, 1, 0, java.util.Optional.of(Drafts.DAY), java.util.Optional.empty()),
                clock);
        String base = "{\"id\":\"a\",\"device\":\"" + Drafts.DEVICE + "\",";
        for (String command : List.of("garbage", base + "\"command\":\"ping\"}",
                base + "\"command\":\"alert\",\"level\":\"red\",\"at\":\"" + clock.instant() + "\"}",
                base + "\"command\":\"history\",\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-04-01T00:00:00Z\"}",
                base + "\"command\":\"reboot\"}")) {
            String reply = commands.handle(command.getBytes(StandardCharsets.UTF_8));
            assertThat(errors("reply", reply)).as(reply).isEmpty();
        }
    }

    @Test
    void theSchemasRefuseWhatTheBoardMustNotSend() throws IOException {
        ObjectNode report = (ObjectNode) JSON.readTree(Files.readString(DOCS.resolve("examples/report-minute.json")));
        report.remove("acquired_at");
        assertThat(errors("report", report.toString())).anyMatch(m -> m.contains("acquired_at"));
        report = (ObjectNode) JSON.readTree(Files.readString(DOCS.resolve("examples/report-minute.json")));
        report.put("sequence", 0);
        assertThat(errors("report", report.toString())).isNotEmpty();
        report.put("sequence", 1).put("generated_at", "yesterday");
        assertThat(errors("report", report.toString())).isNotEmpty();
        ObjectNode command = (ObjectNode) JSON.readTree(Files.readString(DOCS.resolve("examples/command-alert.json")));
        command.put("level", "purple");
        assertThat(errors("command", command.toString())).isNotEmpty();
        command.remove("level");
        assertThat(errors("command", command.toString())).anyMatch(m -> m.contains("level"));
    }

    private static String schemaFor(String example) {
        return example.substring(0, example.indexOf('-'));
    }

    private static List<String> errors(String schema, String payload) throws IOException {
        Set<ValidationMessage> messages = schema(schema).validate(JSON.readTree(payload));
        return messages.stream().map(ValidationMessage::getMessage).toList();
    }

    private static JsonSchema schema(String name) throws IOException {
        if (name.equals("report")) {
            try (InputStream in = ReportJson.class.getResourceAsStream("report.schema.json")) {
                return FACTORY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), CONFIG);
            }
        }
        return FACTORY.getSchema(Files.readString(DOCS.resolve("schema/" + name + ".schema.json")), CONFIG);
    }

    private static Path docs() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("docs/schema"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no docs/schema above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("docs");
    }
}
