package dev.lantian.agent.assembly;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Generates {@code agent/examples/replay/filter-stop.csv}: two hours of the bag-filter plant
 * ({@code agent/examples/bag-filter-plant.yaml}) at its 5 s meter period, with one scripted
 * violation. Plant time, Asia/Shanghai, 2026-11-10 (before the example's staggered-production period starts on 11-15):
 * <ul>
 *   <li>09:00 the bag filter runs (30 kW); line 2 stays off all morning;</li>
 *   <li>09:10 line 1 starts (60 kW);</li>
 *   <li>10:00:00 the filter stops while line 1 runs, 10:20:00 it runs again: with a 2 min grace the
 *       bureau must see {@code linkage.treatment-not-running} on line1 from 10:02:00 to 10:20:00;</li>
 *   <li>10:40 line 1 stops, 10:50 the filter stops (lag 5 min kept).</li>
 * </ul>
 * Regenerate: {@code java -cp agent/target/classes:agent/target/test-classes dev.lantian.agent.assembly.FilterStopDay agent/examples/replay}
 */
final class FilterStopDay {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZonedDateTime START = LocalDateTime.parse("2026-11-10T09:00").atZone(SHANGHAI);
    static final Duration LENGTH = Duration.ofHours(2);
    static final Duration STEP = Duration.ofSeconds(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private FilterStopDay() {
    }

    static String generate() {
        StringBuilder csv = new StringBuilder("channel,time,value,flag\n");
        long steps = LENGTH.dividedBy(STEP);
        for (long i = 0; i < steps; i++) {
            ZonedDateTime t = START.plus(STEP.multipliedBy(i));
            double minute = i * STEP.getSeconds() / 60.0;
            boolean line1 = minute >= 10 && minute < 100;
            boolean filter = minute < 60 || (minute >= 80 && minute < 110);
            double ripple = Math.sin(i * 0.7) * 0.8;
            unit(csv, t, "line1", line1 ? 60 + ripple : 0.2, ripple);
            unit(csv, t, "line2", 0.0, 0);
            unit(csv, t, "filter", filter ? 30 + ripple / 2 : 0.1, ripple);
        }
        return csv.toString();
    }

    private static void unit(StringBuilder csv, ZonedDateTime t, String prefix, double kw, double ripple) {
        String time = TIME.format(OffsetDateTime.from(t));
        double amps = kw * 1000 / (3 * 230 * 0.9);
        row(csv, prefix + "-power", time, kw);
        row(csv, prefix + "-ia", time, amps);
        row(csv, prefix + "-ua", time, 230 + ripple);
    }

    private static void row(StringBuilder csv, String channel, String time, double value) {
        csv.append(channel).append(',').append(time).append(',')
                .append(String.format(Locale.ROOT, "%.2f", value)).append(",N\n");
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "agent/examples/replay");
        Files.writeString(dir.resolve("filter-stop.csv"), generate(), StandardCharsets.UTF_8);
    }
}
