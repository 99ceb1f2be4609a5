package dev.lantian.agent.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Converts one YAML scalar to the Java value its declared type wants. Works on the text as written,
 * not on SnakeYAML's guess of a type, so {@code 0x76}, {@code "0x76"} and {@code 118} are the same
 * I2C address and {@code "000000123456"} keeps its leading zeros.
 */
final class Scalars {
    private Scalars() {
    }

    /** The value (String, Long, Double, Boolean, Duration, LocalDate or ZoneId), or null after reporting why not. */
    static Object convert(ScalarNode node, ValueType type, Consumer<String> problem) {
        String raw = node.getValue().strip();
        if (type instanceof ValueType.Text t) {
            if (t.pattern() != null && !t.pattern().matcher(raw).matches()) {
                problem.accept("'" + raw + "' is not valid (expected " + t.hint() + ")");
                return null;
            }
            return raw;
        }
        if (type instanceof ValueType.Whole w) {
            Long v = parseWhole(raw);
            if (v == null) {
                problem.accept("expected a whole number, got '" + raw + "'");
                return null;
            }
            if (!w.allowed().isEmpty() ? !w.allowed().contains(v) : v < w.min() || v > w.max()) {
                problem.accept(w.format(v) + " is not allowed (expected " + w.describe() + ")");
                return null;
            }
            return v;
        }
        if (type instanceof ValueType.Decimal d) {
            Double v = parseDecimal(raw);
            if (v == null) {
                problem.accept("expected a number, got '" + raw + "'");
                return null;
            }
            if (!d.accepts(v)) {
                problem.accept(raw + " is out of range (expected " + d.describe() + ")");
                return null;
            }
            return v;
        }
        if (type instanceof ValueType.Flag) {
            if (node.getTag().equals(Tag.BOOL) || raw.equals("true") || raw.equals("false")) {
                return switch (raw.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "y" -> Boolean.TRUE;
                    default -> Boolean.FALSE;
                };
            }
            problem.accept("expected true or false, got '" + raw + "'");
            return null;
        }
        if (type instanceof ValueType.Choice c) {
            if (c.values().contains(raw)) {
                return raw;
            }
            problem.accept("'" + raw + "' is not allowed" + Suggestions.expectedOneOf(raw, c.values(), "value"));
            return null;
        }
        if (type instanceof ValueType.Span s) {
            return span(raw, s, problem);
        }
        if (type instanceof ValueType.Day) {
            try {
                return LocalDate.parse(raw);
            } catch (DateTimeParseException e) {
                problem.accept("'" + raw + "' is not a date (expected YYYY-MM-DD, e.g. 2026-11-15)");
                return null;
            }
        }
        if (type instanceof ValueType.Zone) {
            try {
                return ZoneId.of(raw);
            } catch (DateTimeException e) {
                problem.accept("unknown time zone '" + raw + "' (expected an IANA name such as Asia/Shanghai)");
                return null;
            }
        }
        throw new IllegalStateException("not a scalar type: " + type);
    }

    private static Object span(String raw, ValueType.Span s, Consumer<String> problem) {
        Duration d = Durations.parse(raw).orElse(null);
        if (d == null) {
            String hint = parseDecimal(raw) != null ? " (a unit is needed: ms, s, m, h or d, e.g. " + raw + "s)"
                    : " (expected a duration such as 500ms, 30s, 5m, 1h or 14d)";
            problem.accept("'" + raw + "' is not a duration" + hint);
            return null;
        }
        boolean ok = !s.allowed().isEmpty() ? s.allowed().contains(d)
                : (s.min() == null || d.compareTo(s.min()) >= 0) && (s.max() == null || d.compareTo(s.max()) <= 0);
        if (!ok) {
            problem.accept(raw + " is not allowed (expected " + s.describe() + ")");
            return null;
        }
        return d;
    }

    /** YAML 1.1 integers as people write them: decimal, {@code 0x} hex, {@code 0b} binary, with {@code _} separators. */
    static Long parseWhole(String raw) {
        String s = raw.replace("_", "");
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        int radix = 10;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            radix = 16;
            s = s.substring(2);
        } else if (s.startsWith("0b")) {
            radix = 2;
            s = s.substring(2);
        }
        if (s.isEmpty()) {
            return null;
        }
        try {
            long v = Long.parseLong(s, radix);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double parseDecimal(String raw) {
        String s = raw.replace("_", "");
        if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return null;
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : null;
    }
}
