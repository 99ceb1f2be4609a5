package dev.lantian.simulator.plant;

import dev.lantian.agent.config.Durations;
import dev.lantian.hardware.meter.RegisterMaps;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a scenario's values go through, each recording a problem (field and line) instead of
 * throwing, so one run reports everything wrong with a file.
 */
abstract class ScenarioChecks {
    protected final String file;
    protected final YamlLines lines;
    protected final List<ScenarioException.Problem> problems = new ArrayList<>();
    protected ZoneId zone = ZoneId.of("Asia/Shanghai");
    protected LocalDate day = LocalDate.of(2026, 1, 1);

    ScenarioChecks(String file, YamlLines lines) {
        this.file = file;
        this.lines = lines;
    }

    protected Instant time(String text, String p) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.contains("T")) {
                return LocalDateTime.parse(t).atZone(zone).toInstant();
            }
            int days = 0;
            if (t.startsWith("+")) {
                String[] parts = t.substring(1).split("d\\s*", 2);
                days = Integer.parseInt(parts[0]);
                t = parts[1];
            }
            return day.plusDays(days).atTime(LocalTime.parse(t)).atZone(zone).toInstant();
        } catch (DateTimeException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            fail(p, "expected a time like 10:30, +1d 02:00 or 2026-10-20T10:30, not '" + text + "'");
            return null;
        }
    }

    protected Optional<Scenario.Shift> shift(String text, String p) {
        String[] parts = text == null ? new String[0] : text.split("-");
        try {
            if (parts.length == 2) {
                return Optional.of(new Scenario.Shift(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip())));
            }
        } catch (DateTimeException e) {
            // reported below
        }
        fail(p, "a shift is written like 06:00-14:00, not '" + text + "'");
        return Optional.empty();
    }

    protected Duration duration(String text, String p, Duration otherwise) {
        if (text == null) {
            return otherwise;
        }
        Optional<Duration> d = Durations.parse(text);
        if (d.isEmpty()) {
            fail(p, "expected a duration like 90s, 5m or 24h, not '" + text + "'");
        }
        return d.orElse(otherwise);
    }

    protected String shippedMap(String name, String p) {
        if (RegisterMaps.shipped(name).isEmpty()) {
            fail(p, "unknown register map '" + name + "'; shipped maps: " + String.join(", ", RegisterMaps.SHIPPED));
        }
        return name;
    }

    protected int unit(Integer unit, String p) {
        if (unit == null) {
            return 1;
        }
        if (unit < 1 || unit > 247) {
            fail(p, "a Modbus unit id is 1-247, not " + unit);
        }
        return unit;
    }

    protected <E extends Enum<E>> E choice(String text, String p, Class<E> type) {
        if (required(text, p) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            fail(p, "'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
            return null;
        }
    }

    protected String ref(String id, Set<String> known, String p, String what) {
        if (id != null && !known.contains(id)) {
            fail(p, "no " + what + " with id '" + id + "'" + (known.isEmpty() ? "" : "; known: " + known.stream().sorted().toList()));
        }
        return id;
    }

    protected void unique(Set<String> seen, String id, String p) {
        if (id != null && !seen.add(id)) {
            fail(p, "id '" + id + "' is used twice");
        }
    }

    protected double positive(Double v, String p, Double otherwise) {
        if (v == null && otherwise == null) {
            fail(p, "is required");
            return 1;
        }
        double x = v == null ? otherwise : v;
        if (!(x > 0)) {
            fail(p, "must be positive, not " + x);
        }
        return x;
    }

    protected double share(Double v, String p, double otherwise) {
        double x = v == null ? otherwise : v;
        if (!(x >= 0 && x <= 1.5)) {
            fail(p, "must be between 0 and 1.5, not " + x);
        }
        return x;
    }

    protected static double or(Double v, double otherwise) {
        return v == null ? otherwise : v;
    }

    protected <T> T required(T value, String p) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            fail(p, "is required");
            return null;
        }
        return value;
    }

    protected <T> void each(List<T> list, String p, boolean nonEmpty, java.util.function.BiConsumer<T, String> check) {
        if (list == null || list.isEmpty()) {
            if (nonEmpty) {
                fail(p, "needs at least one entry");
            }
            return;
        }
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k) == null) {
                fail(p + "/" + k, "is empty");
            } else {
                check.accept(list.get(k), p + "/" + k);
            }
        }
    }

    protected void fail(String pointer, String message) {
        problems.add(new ScenarioException.Problem(YamlLines.field(pointer), lines.line(pointer), message));
    }
}
