package dev.lantian.simulator.demo;

import dev.lantian.agent.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo with its devices in process, as on a machine without socat, on a slice of the shipped demo
 * day: the simulator's plant, the agent's real board (drivers, pipeline, SQLite store, MQTT uplink), a
 * broker and the bureau. The slice runs 22 plant minutes around one staged incident: the bag filter
 * stops 09:00–09:12 while both lines run. Through a real mosquitto when installed; without it the
 * embedded broker (on CI mosquitto must be there). The whole day on ptys: {@link DemoDayOnTheWireTest}.
 */
class DemoFlowTest {
    @TempDir
    Path dir;

    private Path slice() throws IOException {
        String day = resource("/scenarios/demo-day.yaml");
        String incidents = """
                incidents:
                  - type: treatment-stopped
                    equipment: bag-filter
                    from: "09:00"
                    to: "09:12"
                    expect:
                      - { rule: linkage.treatment-not-running, equipment: bag-filter, production: line1, start: "09:00", end: "09:12" }
                      - { rule: linkage.treatment-not-running, equipment: bag-filter, production: line2, start: "09:00", end: "09:12" }
                """;
        String text = day.replace("start: 2026-10-20T00:00", "start: 2026-10-20T08:56")
                .replace("duration: 24h", "duration: 22m")
                .replace("name: demo-day", "name: demo-slice");
        text = text.substring(0, text.indexOf("\nincidents:") + 1) + incidents;
        Path scenario = dir.resolve("slice.yaml");
        Files.writeString(scenario, text, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("slice.agent.yaml"), resource("/scenarios/demo-day.agent.yaml"), StandardCharsets.UTF_8);
        return scenario;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DemoFlowTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String demo(String... extra) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = new String[extra.length + 5];
        args[0] = "--scenario";
        args[1] = slice().toString();
        args[2] = "--wall";
        args[3] = "0";
        args[4] = "--in-process";
        System.arraycopy(extra, 0, args, 5, extra.length);
        int code = new CommandLine(new DemoCommand(DemoSetups.simulator(), new PrintStream(out, true, StandardCharsets.UTF_8)))
                .execute(args);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isEqualTo(ExitCodes.OK);
        return text;
    }

    @Test
    void aSliceOfThePlantDayArrivesWholeAndTheStagedStopIsFlagged() throws Exception {
        Mosquitto.failOnCiWithout();
        String text;
        if (Mosquitto.installed()) {
            try (Mosquitto broker = Mosquitto.start()) {
                text = demo("--broker", broker.url());
            }
        } else {
            text = demo();
            assertThat(text).contains("(embedded)");
        }
        assertThat(text).contains("devices in process").contains("RESULT: PASS").contains("gaps 0").contains("matched 2 · missed 0 · unexpected 0")
                .contains("linkage.treatment-not-running");
    }
}
