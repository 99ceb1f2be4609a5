package dev.lantian.agent.uplink;

import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board process (SQLite store + MQTT uplink, {@link UplinkChild}) killed with SIGKILL at 20
 * random moments while it publishes, restarted each time: the bureau's subscriber ends up with every
 * sequence number from 1 to the last, no gap; a repeat is the same report again.
 */
class SigkillTest {
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void noSequenceGapAfterTwentyKills() throws Exception {
        Mosquitto.assumeInstalled();
        SplittableRandom random = new SplittableRandom(20260302);
        Path db = dir.resolve("lantian.db");
        try (Mosquitto broker = Mosquitto.plain(dir).start();
             Subscriber bureau = new Subscriber(broker.url(), "lantian/ent-1/" + Drafts.DEVICE + "/#")) {
            for (int kill = 0; kill < KILLS; kill++) {
                Process child = start(db, broker, kill % 2 == 0 ? "3" : "5", "");
                BufferedReader out = reader(child);
                assertThat(marker(out, "ready")).as("child %d came up", kill).isEqualTo("ready");
                Thread.sleep(50 + random.nextInt(400)); // the random moment: the test's input, not a wait for a result
                child.destroyForcibly(); // SIGKILL
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            Process last = start(db, broker, "5", "final");
            BufferedReader out = reader(last);
            assertThat(marker(out, "ready")).isEqualTo("ready");
            String drained = marker(out, "drained");
            assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(drained).as("final child drained").startsWith("drained").endsWith("pending 0");
            long lastSequence = Long.parseLong(drained.split(" ")[1]);
            assertThat(bureau.awaitSequence(lastSequence, Duration.ofSeconds(20))).isTrue();
            // every report topic counts: the store may add its own alarm reports to the same numbering
            java.util.function.Supplier<List<Subscriber.Received>> reports = () -> bureau.received().stream()
                    .filter(r -> !r.topic().endsWith("/state") && !r.topic().endsWith("/reply")).toList();
            Map<Long, String> first = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<Long> missing;
            do {
                first.clear();
                for (Subscriber.Received r : reports.get()) {
                    Report report = ReportJson.read(r.payload());
                    String earlier = first.putIfAbsent(report.sequence(), r.payload());
                    if (earlier != null) {
                        assertThat(r.payload()).as("repeat of %d", report.sequence()).isEqualTo(earlier);
                    }
                }
                long max = first.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
                missing = LongStream.rangeClosed(1, Math.max(max, lastSequence)).filter(q -> !first.containsKey(q))
                        .boxed().toList();
            } while (!missing.isEmpty() && System.nanoTime() < deadline && pause());
            assertThat(missing).as("sequences that never arrived").isEmpty();
            assertThat(lastSequence).as("the killed boards appended too").isGreaterThan(100L);
            long wills = bureau.on("/state").stream().filter(r -> r.payload().contains("offline")).count();
            assertThat(wills).as("the broker announced each killed board offline").isGreaterThanOrEqualTo(KILLS);
            org.tinylog.Logger.info("SIGKILL x{}: {} reports, {} arrivals ({} repeats), {} offline wills", KILLS,
                    first.size(), reports.get().size(), reports.get().size() - first.size(), wills);
        }
    }

    private Process start(Path db, Mosquitto broker, String protocol, String mode) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-Dtinylog.writer.stream=err",
                "-Dtinylog.writer.level=info",
                "-cp", System.getProperty("java.class.path"), UplinkChild.class.getName(),
                db.toString(), broker.url(), protocol));
        if (!mode.isEmpty()) {
            cmd.add(mode);
        }
        return new ProcessBuilder(cmd).redirectError(dir.resolve("child.log").toFile()).start();
    }

    private static boolean pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** The child's next line starting with {@code prefix} (log lines skipped); null if it ended first. */
    private static String marker(BufferedReader out, String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }
}
