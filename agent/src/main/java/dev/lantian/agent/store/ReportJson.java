package dev.lantian.agent.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantian.hardware.reading.QualityFlag;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The report payload format: one JSON object per report, times as ISO-8601 UTC instants, NaN as
 * null. Its JSON Schema ships in the jar as {@code dev/lantian/agent/store/report.schema.json} and is
 * described in docs/uplink.md. The same text is stored in the outbox and published, so what the
 * bureau receives is byte for byte what was stored.
 */
public final class ReportJson {
    public static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJson() {
    }

    public static String write(Report r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("device", r.device());
        o.put("sequence", r.sequence());
        o.put("kind", r.kind().topic());
        putTime(o, "period_start", r.periodStart());
        putTime(o, "period_end", r.periodEnd());
        putTime(o, "generated_at", r.generatedAt());
        putTime(o, "acquired_at", r.acquiredAt());
        o.put("clock", r.clock().name().toLowerCase());
        if (r.resent()) {
            o.put("resent", true);
        }
        ArrayNode values = o.putArray("values");
        for (ReportValue v : r.values()) {
            ObjectNode n = values.addObject();
            n.put("channel", v.channel());
            if (v.code() != null) {
                n.put("code", v.code());
            }
            if (v.unit() != null) {
                n.put("unit", v.unit());
            }
            putNumber(n, "value", v.value());
            putNumber(n, "avg", v.avg());
            putNumber(n, "min", v.min());
            putNumber(n, "max", v.max());
            putNumber(n, "increase", v.increase());
            n.put("count", v.count());
            n.put("flag", v.flag().name());
            n.put("valid", v.valid());
        }
        if (r.event() != null) {
            ReportEvent e = r.event();
            ObjectNode n = o.putObject("event");
            n.put("id", e.id());
            n.put("rule", e.rule());
            n.put("subject", e.subject());
            n.put("severity", e.severity());
            putTime(n, "start", e.start());
            putTime(n, "end", e.end());
            n.put("detail", e.detail());
        }
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for a tree of plain values", e);
        }
    }

    /** Reads a payload written by {@link #write}; throws IllegalArgumentException naming the bad field. */
    public static Report read(String json) {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("a report is a JSON object");
        }
        List<ReportValue> values = new ArrayList<>();
        for (JsonNode n : o.path("values")) {
            values.add(new ReportValue(text(n, "channel"), n.path("code").asText(null), n.path("unit").asText(null),
                    number(n, "value"), number(n, "avg"), number(n, "min"), number(n, "max"), number(n, "increase"),
                    n.path("count").asInt(0), QualityFlag.valueOf(text(n, "flag")), n.path("valid").asBoolean()));
        }
        ReportEvent event = null;
        JsonNode e = o.get("event");
        if (e != null && !e.isNull()) {
            event = new ReportEvent(text(e, "id"), text(e, "rule"), text(e, "subject"), text(e, "severity"),
                    time(e, "start"), time(e, "end"), e.path("detail").asText(""));
        }
        return new Report(text(o, "device"), o.path("sequence").asLong(), ReportKind.fromTopic(text(o, "kind")),
                time(o, "period_start"), time(o, "period_end"), time(o, "generated_at"), time(o, "acquired_at"),
                ClockQuality.valueOf(text(o, "clock").toUpperCase()), values, event, o.path("resent").asBoolean(false));
    }

    private static void putTime(ObjectNode o, String name, Instant t) {
        if (t != null) {
            o.put(name, t.toString());
        }
    }

    private static void putNumber(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        }
    }

    private static String text(JsonNode o, String name) {
        JsonNode n = o.get(name);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' must be a string");
        }
        return n.asText();
    }

    private static double number(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    private static Instant time(JsonNode o, String name) {
        JsonNode n = o.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return Instant.parse(n.asText());
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("field '" + name + "' must be an ISO-8601 instant, was " + n);
        }
    }
}
