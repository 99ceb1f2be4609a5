package dev.lantian.agent.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay} on the shipped bag-filter plant with its scripted filter stop, through the real command line. */
class SiteReplayTest {
    private static final Path EXAMPLES = Path.of("examples");

    @TempDir
    Path out;

    private int replay(Path samples, StringWriter stdout, StringWriter stderr) {
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        return cli.execute("replay", "--config", EXAMPLES.resolve("bag-filter-plant.yaml").toString(),
                "--samples", samples.toString(), "--out", out.toString());
    }

    @Test
    void theShippedSamplesAreWhatTheGeneratorWrites() throws Exception {
        assertThat(Files.readString(EXAMPLES.resolve("replay/filter-stop.csv"), StandardCharsets.UTF_8))
                .as("regenerate with FilterStopDay.main").isEqualTo(FilterStopDay.generate());
    }

    @Test
    void theFilterStopIsOneLinkageViolationFromGraceToRestart() throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int status = replay(EXAMPLES.resolve("replay/filter-stop.csv"), stdout, stderr);

        assertThat(status).as(stderr.toString()).isZero();
        List<String> events = Files.readAllLines(out.resolve("events.csv"));
        assertThat(events.get(0)).isEqualTo("rule,equipment,start,end,severity,detail");
        assertThat(events.subList(1, events.size()))
                .singleElement().asString()
                .startsWith("linkage.treatment-not-running,bag-filter,2026-11-10T10:02:00+08:00,2026-11-10T10:20:00+08:00,")
                .contains("while line1 runs");
        List<String> states = Files.readAllLines(out.resolve("states.csv"));
        assertThat(states).contains(
                "bag-filter,2026-11-10T10:00:00+08:00,OFF",
                "bag-filter,2026-11-10T10:20:00+08:00,RUNNING",
                "line1,2026-11-10T09:10:00+08:00,RUNNING",
                "line1,2026-11-10T10:40:00+08:00,OFF");
        assertThat(Files.readAllLines(out.resolve("aggregates.csv")).get(0))
                .isEqualTo("channel,period,start,avg,min,max,count,flag,valid");
        // 09:00-10:00: 120 samples off at 0.2 kW, 600 running at 60 kW +- a 0.8 kW ripple
        assertThat(Files.readAllLines(out.resolve("aggregates.csv")))
                .contains("line1-power,hour,2026-11-10T09:00:00+08:00,50.032,0.200,60.800,720,N,true");
        assertThat(stdout.toString()).contains("1 events");
    }

    @Test
    void malformedLinesAreAllReportedWithTheirNumbersAndNothingIsWritten() throws Exception {
        Path bad = out.resolve("bad.csv");
        Files.writeString(bad, """
                channel,time,value,flag
                line1-power,2026-11-10T09:00:00+08:00,12.5,N
                line1-power,yesterday,12.5,N
                no-such-channel,2026-11-10T09:00:05+08:00,1,N
                line1-power,2026-11-10T09:00:10+08:00,twelve,N
                """);
        StringWriter stderr = new StringWriter();
        Path target = out.resolve("result");
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(stderr, true));
        int status = cli.execute("replay", "--config", EXAMPLES.resolve("bag-filter-plant.yaml").toString(),
                "--samples", bad.toString(), "--out", target.toString());

        assertThat(status).isEqualTo(2);
        assertThat(stderr.toString()).contains("bad.csv:3:", "bad.csv:4:", "bad.csv:5:", "3 malformed line(s)");
        assertThat(target).doesNotExist();
    }

    @Test
    void anInvalidConfigurationReplaysNothing() throws Exception {
        Path config = out.resolve("site.yaml");
        Files.writeString(config, Files.readString(EXAMPLES.resolve("bag-filter-plant.yaml")) + "\nsurprise: 1\n");
        StringWriter stderr = new StringWriter();
        var cli = Main.commandLine();
        cli.setErr(new PrintWriter(stderr, true));
        int status = cli.execute("replay", "--config", config.toString(),
                "--samples", EXAMPLES.resolve("replay/filter-stop.csv").toString(), "--out", out.resolve("r").toString());
        assertThat(status).isEqualTo(2);
        assertThat(stderr.toString()).contains("surprise");
    }
}
