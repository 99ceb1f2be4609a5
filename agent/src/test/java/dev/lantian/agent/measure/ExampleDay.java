package dev.lantian.agent.measure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The example replay day {@code agent/examples/replay/boundary-pm-day.csv}: the boundary PM10 channel
 * of {@code bag-filter-plant.yaml}, one sample every 5 s (12 a minute, exactly what a minute needs) on
 * 2026-11-20 (Asia/Shanghai), with
 * <ul>
 *   <li>a daily swing 30–70 µg/m³ with bounded noise;</li>
 *   <li>a gap 02:00–03:30 (the sensor's UART unplugged): hour 02 empty, hour 03 with 30 valid minutes;</li>
 *   <li>an exceedance 14:00–14:40 around 180 µg/m³ (limit 150, clear below 130, 10 min): one alarm;</li>
 *   <li>a spike of 900 at 09:17:30, rejected by the Hampel filter;</li>
 *   <li>maintenance 20:00–20:10 (flag M).</li>
 * </ul>
 * Regenerate input and documented outputs with
 * {@code java -cp agent/target/classes:agent/target/test-classes:… dev.lantian.agent.measure.ExampleDay agent/examples/replay}
 * (or run {@link ExampleDayTest} with {@code -Dlantian.regenerate=true}).
 */
final class ExampleDay {
    static final String CHANNEL = "boundary-pm10";
    static final Instant START = LocalDateTime.parse("2026-11-20T00:00").atZone(Feed.SHANGHAI).toInstant();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private ExampleDay() {
    }

    /** The site settings the example is replayed with: {@code bag-filter-plant.yaml}'s reporting and PM channels. */
    static MeasureSettings settings() {
        ChannelSettings rh = ChannelSettings.of("ambient-rh", "humidity", "%", Duration.ofSeconds(10));
        ChannelSettings pm10 = ChannelSettings.of(CHANNEL, "pm10", "ug/m3", Duration.ofSeconds(1))
                .withWindows(List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(24)))
                .withValidRange(new ChannelSettings.ValidRange(0, 1000))
                .withFog(new ChannelSettings.Fog("ambient-rh", 85))
                // min_scale 2 ug/m3: without it a window of 7 noisy values often has a tiny MAD and the
                // filter rejects ordinary noise (see ChannelSettings.Spike)
                .withSpike(new ChannelSettings.Spike(7, 3.0, 2.0))
                .withCalibration(CalibrationHistory.always(new Calibration.Linear(0.0, 1.0)))
                .withLimits(List.of(new ChannelSettings.Limit("boundary-pm10-high", 150, 130, Duration.ofMinutes(10), "warning")))
                .withWarmup(Duration.ofSeconds(30));
        return MeasureSettings.of(Feed.SHANGHAI, Duration.ofMinutes(10), Duration.ofSeconds(60), List.of(rh, pm10));
    }

    static String generate() {
        Random random = new Random(20261120L);
        StringBuilder csv = new StringBuilder(ReplayInput.HEADER).append('\n');
        for (int i = 0; i < 24 * 720; i++) {
            Instant t = START.plusSeconds(5L * i);
            int secondOfDay = 5 * i;
            double noise = random.nextDouble() * 4 - 2;   // drawn for every slot so the sequence never shifts
            if (secondOfDay >= 2 * 3600 && secondOfDay < 3 * 3600 + 1800) {
                continue;
            }
            double value = 50 + 20 * Math.sin(2 * Math.PI * (secondOfDay - 6 * 3600) / 86_400.0) + noise;
            if (secondOfDay >= 14 * 3600 && secondOfDay < 14 * 3600 + 40 * 60) {
                value = 180 + noise;
            }
            if (secondOfDay == 9 * 3600 + 17 * 60 + 30) {
                value = 900;
            }
            String flag = secondOfDay >= 20 * 3600 && secondOfDay < 20 * 3600 + 600 ? "M" : "";
            csv.append(CHANNEL).append(',').append(TIME.format(t.atZone(Feed.SHANGHAI))).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", value)).append(',').append(flag).append('\n');
        }
        return csv.toString();
    }

    /** Writes the input and replays it into {@code dir/boundary-pm-day.expected/}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "agent/examples/replay");
        Files.createDirectories(dir);
        Path input = dir.resolve("boundary-pm-day.csv");
        Files.writeString(input, generate(), StandardCharsets.UTF_8);
        new Replay(settings()).run(input, dir.resolve("boundary-pm-day.expected"));
    }
}
