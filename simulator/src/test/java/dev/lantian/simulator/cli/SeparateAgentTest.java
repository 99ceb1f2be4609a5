package dev.lantian.simulator.cli;

import dev.lantian.agent.cli.Main;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.agent.store.ReportValue;
import dev.lantian.simulator.bureau.BureauLedger;
import dev.lantian.simulator.bureau.BureauReceiver;
import dev.lantian.simulator.bureau.ReportSchema;
import dev.lantian.simulator.demo.Await;
import dev.lantian.simulator.demo.Mosquitto;
import dev.lantian.simulator.device.Socat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "tested from outside": {@code plant} runs the demo day's devices in one JVM on ptys and
 * a loopback socket and writes the agent's site file; the agent's own {@code run} command, in another
 * JVM on the real clock, reads them through its real drivers and publishes to mosquitto, where the
 * bureau checks what arrives. Nothing is shared but ports and files.
 */
class SeparateAgentTest {
    private static final String DEVICE = "010000A8900016F0001DE3D0";

    @TempDir
    Path dir;

    @Test
    void anAgentStartedSeparatelyReadsThePlantsDevicesAndTheBureauGetsItsReports() throws Exception {
        Socat.required();
        Mosquitto.assumeInstalled();
        List<Report> realtime = new CopyOnWriteArrayList<>();
        Process plant = null;
        Process agent = null;
        try (Mosquitto broker = Mosquitto.start();
             BureauReceiver bureau = new BureauReceiver(broker.url(), "lantian",
                     new BureauLedger("lantian", ReportSchema.published(), a -> {
                         if (a.report().kind() == ReportKind.REALTIME) {
                             realtime.add(a.report());
                         }
                     }), Clock.systemUTC())) {
            bureau.start();
            Path siteFile = dir.resolve("agent.yaml");
            plant = java(dir.resolve("plant.txt"), SimMain.class.getName(), "plant", "--scenario", "demo-day",
                    "--ports-file", dir.resolve("ports.json").toString(), "--pty-dir", dir.resolve("pty").toString(),
                    "--agent-config", siteFile.toString(), "--mqtt-url", broker.url(),
                    "--storage", dir.resolve("agent.db").toString(), "--speed", "60", "--hold");
            assertThat(Await.until(() -> Files.exists(siteFile) && Files.exists(dir.resolve("ports.json")), Duration.ofSeconds(30)))
                    .as(log("plant.txt")).isTrue();
            // the shortest real-time interval the configuration allows, so the test waits half a minute, not one
            Files.writeString(siteFile, Files.readString(siteFile).replace("realtime_interval: 60s", "realtime_interval: 30s"));
            // The day's I2C chips exist only inside the plant's JVM and this PC has no /dev/i2c-1: the agent
            // opens its I2C bus on Pi4J's mock, where those channels read nothing (B); every other bus is real.
            agent = java(dir.resolve("agent.txt"), Main.class.getName(), "run", "--config", siteFile.toString(), "--for", "75s",
                    "--io", "mock");

            assertThat(Await.until(() -> !realtime.isEmpty(), Duration.ofSeconds(70))).as(log("agent.txt")).isTrue();
            Report first = realtime.get(0);
            assertThat(first.device()).isEqualTo(DEVICE);
            Map<String, ReportValue> byChannel = first.values().stream()
                    .collect(Collectors.toMap(ReportValue::channel, v -> v));
            // every bus: Modbus RTU pty (meters, dust line), DL/T 645 pty, Modbus TCP socket, both UART sensors
            assertThat(byChannel).containsKeys("line1-u1", "filter-u1", "line2-ua", "voc-fan-u", "stockpile-pm10",
                    "exhaust-nmhc", "boundary-pm10", "yard-pm10");
            for (String voltage : List.of("line1-u1", "filter-u1", "line2-ua", "voc-fan-u")) {
                assertThat(byChannel.get(voltage).value()).as(voltage).isBetween(200.0, 260.0);
                assertThat(byChannel.get(voltage).flag().name()).as(voltage).isEqualTo("N");
            }
            // the plant's dust baselines (45/50/60 ug/m3 of PM10) with sensor noise, at night with every line off
            assertThat(byChannel.get("stockpile-pm10").value()).isBetween(30.0, 90.0);
            assertThat(byChannel.get("yard-pm10").value()).isBetween(30.0, 80.0);
            assertThat(bureau.tally().gaps()).isZero();
            assertThat(bureau.tally().invalid()).isZero();
            assertThat(bureau.tally().device(DEVICE)).get().extracting(d -> d.state()).isEqualTo("online");
        } finally {
            stop(agent);
            stop(plant);
        }
    }

    private Process java(Path output, String mainClass, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no " + name + ")";
        }
    }

    private static void stop(Process p) throws InterruptedException {
        if (p != null) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
