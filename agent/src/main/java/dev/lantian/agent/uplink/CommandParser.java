package dev.lantian.agent.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lantian.agent.equipment.AlertLevel;
import dev.lantian.agent.store.ReportKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a command payload into a {@link Command} or a {@link Rejected} naming what is wrong: not
 * JSON, an unknown command, a missing or malformed field, another device's command, or one older
 * than {@code maxAge} (a replayed or long-delayed order must not change the alert level).
 */
final class CommandParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BYTES = 16 * 1024;

    /** Why a command was not accepted; {@code id} is the command's id when it could be read. */
    static final class Rejected extends Exception {
        private final String id;

        Rejected(String id, String message) {
            super(message);
            this.id = id;
        }

        String id() {
            return id;
        }
    }

    private final String device;
    private final Clock clock;
    private final Duration maxAge;

    CommandParser(String device, Clock clock, Duration maxAge) {
        this.device = device;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    Command parse(byte[] payload) throws Rejected {
        if (payload.length > MAX_BYTES) {
            throw new Rejected(null, "command longer than " + MAX_BYTES + " bytes");
        }
        JsonNode o;
        try {
            o = MAPPER.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Rejected(null, "not JSON: " + firstLine(e.getMessage()));
        }
        if (o == null || !o.isObject()) {
            throw new Rejected(null, "a command is a JSON object");
        }
        JsonNode idNode = o.get("id");
        String id = idNode != null && idNode.isTextual() ? idNode.asText() : null;
        if (id == null || id.isEmpty() || id.length() > 64) {
            throw new Rejected(null, "field 'id' must be a string of 1-64 characters");
        }
        String name = text(o, "command", id);
        String target = text(o, "device", id);
        if (!target.equals(device)) {
            throw new Rejected(id, "not this device: command for '" + target + "', this board is '" + device + "'");
        }
        return switch (name) {
            case "alert" -> alert(o, id);
            case "history" -> history(o, id);
            case "ping" -> new Command.Ping(id);
            default -> throw new Rejected(id, "unknown command '" + name + "' (alert, history, ping)");
        };
    }

    private Command alert(JsonNode o, String id) throws Rejected {
        String level = text(o, "level", id);
        AlertLevel parsed;
        try {
            parsed = AlertLevel.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Rejected(id, "field 'level' must be one of none, yellow, orange, red; was '" + level + "'");
        }
        Instant at = time(o, "at", id);
        Instant now = clock.instant();
        if (at.isBefore(now.minus(maxAge))) {
            throw new Rejected(id, "field 'at' is older than " + maxAge.toMinutes() + " min: " + at);
        }
        if (at.isAfter(now.plus(maxAge))) {
            throw new Rejected(id, "field 'at' lies more than " + maxAge.toMinutes() + " min in the future: " + at);
        }
        return new Command.Alert(id, parsed, at);
    }

    private Command history(JsonNode o, String id) throws Rejected {
        Instant from = time(o, "from", id);
        Instant to = time(o, "to", id);
        if (!from.isBefore(to)) {
            throw new Rejected(id, "field 'from' must lie before 'to'");
        }
        Set<ReportKind> kinds = EnumSet.allOf(ReportKind.class);
        JsonNode k = o.get("kinds");
        if (k != null) {
            if (!k.isArray() || k.isEmpty()) {
                throw new Rejected(id, "field 'kinds' must be a non-empty array of report kinds");
            }
            kinds = EnumSet.noneOf(ReportKind.class);
            for (JsonNode n : k) {
                try {
                    kinds.add(ReportKind.fromTopic(n.asText()));
                } catch (IllegalArgumentException e) {
                    throw new Rejected(id, "field 'kinds': " + e.getMessage());
                }
            }
        }
        return new Command.History(id, from, to, kinds);
    }

    private static String text(JsonNode o, String field, String id) throws Rejected {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw new Rejected(id, "field '" + field + "' must be a non-empty string");
        }
        return n.asText();
    }

    private static Instant time(JsonNode o, String field, String id) throws Rejected {
        String t = text(o, field, id);
        try {
            return Instant.parse(t);
        } catch (RuntimeException e) {
            throw new Rejected(id, "field '" + field + "' must be an ISO-8601 instant like 2026-03-01T08:00:00Z, was '"
                    + t + "'");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
