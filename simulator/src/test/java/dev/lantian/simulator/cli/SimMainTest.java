package dev.lantian.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.hardware.serial.PtyPair;
import dev.lantian.simulator.plant.PortsFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimMainTest {
    static final String SCENARIO = """
            name: ten-minutes
            start: 2026-10-20T09:55
            duration: 10m
            lines:
              - { id: line1, rated_kw: 100, shifts: ["06:00-22:00"] }
            treatment:
              - { id: filter, kind: bag-filter, serves: [line1], rated_kw: 40 }
            meters:
              - { id: m1, equipment: [line1], protocol: modbus-rtu, line: bus1, unit: 1 }
              - { id: m2, equipment: [filter], protocol: modbus-tcp, register_map: eastron-sdm120 }
            sensors:
              - { id: pms, kind: pms5003, treatment: [filter] }
            """;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            return new Run(SimMain.run(args), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void plantRunsTheScenarioAndWritesThePortsFileAndAgentConfig(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        Path template = Files.writeString(dir.resolve("t.yaml"), "# ${port:ID} stays\nport: ${port:m2}\nhost: ${host:m2}\nurl: ${var:mqtt_url}\n");
        boolean pty = PtyPair.findSocat().isPresent();
        Run r = run("plant", "--scenario", scenario.toString(), "--ports-file", dir.resolve("ports.json").toString(),
                "--speed", "6000", "--pty-dir", dir.resolve("pty").toString(), "--agent-config", dir.resolve("agent.yaml").toString(),
                "--agent-template", template.toString());
        assertThat(r.code()).as(r.err()).isZero();
        PortsFile ports = PortsFile.read(dir.resolve("ports.json"));
        assertThat(ports.devices()).containsOnlyKeys("m1", "m2", "pms");
        assertThat(ports.entry("m1").kind()).isEqualTo(pty ? PortsFile.Kind.pty : PortsFile.Kind.tcp);
        assertThat(ports.speed()).isEqualTo(6000);
        assertThat(r.out()).contains("ports in").contains("scenario ten-minutes ended at 2026-10-20T02:05:00Z");
        assertThat(Files.readString(dir.resolve("agent.yaml")))
                .isEqualTo("# ${port:ID} stays\nport: " + ports.entry("m2").port() + "\nhost: 127.0.0.1\nurl: tcp://127.0.0.1:1883\n");
    }

    @Test
    void withoutPtysTheSerialDevicesAreInProcessAndTheUserIsTold(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        Run r = run("plant", "--scenario", scenario.toString(), "--ports-file", dir.resolve("ports.json").toString(),
                "--speed", "6000", "--no-pty");
        assertThat(r.code()).as(r.err()).isZero();
        PortsFile ports = PortsFile.read(dir.resolve("ports.json"));
        assertThat(ports.entry("pms").kind()).isEqualTo(PortsFile.Kind.memory);
        assertThat(ports.entry("m1").kind()).isEqualTo(PortsFile.Kind.tcp);
        assertThat(r.out()).contains("pms: pms5003 in-process");
    }

    @Test
    void whenSocatIsMissingTheCommandSaysSoAndFallsBack(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                SimMain.class.getName(), "plant", "--scenario", scenario.toString(), "--ports-file",
                dir.resolve("ports.json").toString(), "--speed", "6000")
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().put("PATH", dir.resolve("no-such-bin").toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("out.txt"));
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("socat not found").contains("usable by an agent in this JVM");
        PortsFile ports = PortsFile.read(dir.resolve("ports.json"));
        assertThat(ports.entry("m1").kind()).isEqualTo(PortsFile.Kind.tcp);
        assertThat(ports.entry("pms").kind()).isEqualTo(PortsFile.Kind.memory);
    }

    @Test
    void aBadScenarioFailsWithFieldAndLine(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), SCENARIO.replace("rated_kw: 40", "rated_kw: -40"));
        Run r = run("plant", "--scenario", scenario.toString(), "--ports-file", dir.resolve("ports.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("line 7, treatment[0].rated_kw: must be positive");
        assertThat(dir.resolve("ports.json")).doesNotExist();
    }
}
