package dev.lantian.simulator.demo;

import dev.lantian.agent.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(DemoSetup.Factory factory, String... args) {
        return new CommandLine(new DemoCommand(factory, new PrintStream(out, true, StandardCharsets.UTF_8))).execute(args);
    }

    private static DemoSetup.Factory scripted(Set<Long> lost) {
        return options -> new DemoSetup() {
            final ScriptedPlant plant = new ScriptedPlant(START, options.until().orElse(START.plusSeconds(1800)), List.of());
            final ScriptedBoard board = new ScriptedBoard("b1", List.of(), lost);

            @Override
            public DemoPlant plant() {
                return plant;
            }

            @Override
            public DemoAgent agent() {
                return board;
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of("UTC");
            }

            @Override
            public void close() {
                board.close();
            }
        };
    }

    @Test
    void aCleanRunExitsZeroAndPrintsTheSummary() {
        int code = run(scripted(Set.of()), "--wall", "0", "--until", START.plus(Duration.ofMinutes(20)).toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isEqualTo(ExitCodes.OK);
        assertThat(text).contains("(embedded)").contains("sent 20 · received 20").contains("RESULT: PASS");
    }

    @Test
    void aLostReportExitsOne() {
        int code = run(scripted(Set.of(3L)), "--wall", "0", "--drain", "1", "--until",
                START.plus(Duration.ofMinutes(5)).toString());
        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("RESULT: FAIL").contains("1 sequence gap(s)");
    }

    @Test
    void aSetupThatCannotOpenIsReportedAsInvalidInput() {
        int code = run(options -> {
            throw new IllegalArgumentException("no scenario '" + options.scenario() + "'");
        }, "--wall", "0", "--scenario", "nowhere");
        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("demo: no scenario 'nowhere'\n");
    }
}
