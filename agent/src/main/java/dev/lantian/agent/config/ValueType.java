package dev.lantian.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The type of one configuration key. Each variant carries its own range, so the checker and the
 * generated reference read the same facts.
 */
public sealed interface ValueType {

    /** Words for the reference table and for "expected …" in messages. */
    String describe();

    /** Free or patterned text; {@code hint} says in words what the pattern wants. */
    record Text(Pattern pattern, String hint) implements ValueType {
        public static Text any() {
            return new Text(null, null);
        }

        public static Text matching(String regex, String hint) {
            return new Text(Pattern.compile(regex), hint);
        }

        @Override
        public String describe() {
            return hint == null ? "text" : "text: " + hint;
        }
    }

    /** A whole number; {@code allowed} (when not empty) lists the only accepted values. */
    record Whole(long min, long max, List<Long> allowed, boolean hex) implements ValueType {
        public static Whole range(long min, long max) {
            return new Whole(min, max, List.of(), false);
        }

        /** A range people write in hex, such as I2C addresses. */
        public static Whole hexRange(long min, long max) {
            return new Whole(min, max, List.of(), true);
        }

        public static Whole oneOf(Long... values) {
            return new Whole(Long.MIN_VALUE, Long.MAX_VALUE, List.of(values), false);
        }

        @Override
        public String describe() {
            if (!allowed.isEmpty()) {
                return "integer, one of " + join(allowed);
            }
            if (max == Long.MAX_VALUE) {
                return "integer ≥ " + min;
            }
            return "integer " + format(min) + "–" + format(max);
        }

        String format(long v) {
            return hex ? String.format("0x%02X", v) : String.valueOf(v);
        }
    }

    /** A decimal number within bounds; an open bound excludes the bound itself. */
    record Decimal(double min, boolean minOpen, double max, boolean maxOpen) implements ValueType {
        public static Decimal any() {
            return new Decimal(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
        }

        public static Decimal positive() {
            return new Decimal(0, true, Double.POSITIVE_INFINITY, true);
        }

        public static Decimal atLeast(double min) {
            return new Decimal(min, false, Double.POSITIVE_INFINITY, true);
        }

        @Override
        public String describe() {
            boolean low = Double.isFinite(min);
            boolean high = Double.isFinite(max);
            if (low && high) {
                return "number in " + (minOpen ? "(" : "[") + num(min) + ", " + num(max) + (maxOpen ? ")" : "]");
            }
            if (low) {
                return "number " + (minOpen ? "> " : "≥ ") + num(min);
            }
            if (high) {
                return "number " + (maxOpen ? "< " : "≤ ") + num(max);
            }
            return "number";
        }

        boolean accepts(double v) {
            return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
        }
    }

    /** true or false. */
    record Flag() implements ValueType {
        @Override
        public String describe() {
            return "true or false";
        }
    }

    /** One word out of a closed set. */
    record Choice(List<String> values) implements ValueType {
        public static Choice of(String... values) {
            return new Choice(List.of(values));
        }

        @Override
        public String describe() {
            return "one of " + String.join(", ", values);
        }
    }

    /** A duration written like {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 14d} or {@code 1h30m}. */
    record Span(Duration min, Duration max, List<Duration> allowed) implements ValueType {
        public static Span range(Duration min, Duration max) {
            return new Span(min, max, List.of());
        }

        public static Span atLeast(Duration min) {
            return new Span(min, null, List.of());
        }

        public static Span oneOf(List<Duration> allowed) {
            return new Span(null, null, allowed);
        }

        @Override
        public String describe() {
            if (!allowed.isEmpty()) {
                return "duration, one of " + String.join(", ", allowed.stream().map(Durations::format).toList());
            }
            if (max != null) {
                return "duration " + Durations.format(min) + "–" + Durations.format(max);
            }
            if (min != null && !min.isZero()) {
                return "duration ≥ " + Durations.format(min);
            }
            return "duration";
        }
    }

    /** A calendar date, {@code 2026-11-15}. */
    record Day() implements ValueType {
        @Override
        public String describe() {
            return "date YYYY-MM-DD";
        }
    }

    /** An IANA time zone name such as {@code Asia/Shanghai}. */
    record Zone() implements ValueType {
        @Override
        public String describe() {
            return "time zone name (IANA), e.g. Asia/Shanghai";
        }
    }

    /** A YAML list of elements of one type. */
    record ListOf(ValueType element, int minSize) implements ValueType {
        @Override
        public String describe() {
            return (minSize > 0 ? "list (at least " + minSize + ") of " : "list of ") + element.describe();
        }
    }

    /** A mapping with a fixed set of keys. */
    record Section(List<Key> keys) implements ValueType {
        @Override
        public String describe() {
            return "mapping";
        }
    }

    /**
     * A mapping whose allowed keys depend on the value of its {@code discriminator} key (bus and device
     * {@code type}): the common keys plus those of the chosen variant.
     */
    record Variant(String discriminator, List<Key> common, Map<String, List<Key>> variants,
                   Map<String, String> variantDescriptions) implements ValueType {
        @Override
        public String describe() {
            return "mapping, by " + discriminator;
        }
    }

    private static String join(List<Long> values) {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
