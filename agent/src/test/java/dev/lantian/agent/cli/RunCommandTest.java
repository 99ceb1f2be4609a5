package dev.lantian.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} refuses to start half-configured, as the service manager would see it. */
class RunCommandTest {
    private static final Path EXAMPLE = Path.of("examples/bag-filter-plant.yaml");

    @TempDir
    Path dir;

    @Test
    void aMalformedConfigurationExitsTwoNamingEveryFieldAndLine() throws IOException {
        String text = Files.readString(EXAMPLE);
        int baudLine = (int) text.lines().takeWhile(l -> !l.contains("baud: 9600")).count() + 1;
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, text.replaceFirst("baud: 9600", "baud: 9700").replace("poll_period: 10s", "poll_period: soon"));

        MainTest.Run r = MainTest.run("run", "--config", file.toString(), "--for", "1s");

        assertThat(r.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains(file + ":" + baudLine + ":").contains("buses[0].baud")
                .contains("poll_period").contains("the agent does not start");
        assertThat(r.out()).doesNotContain("running");
    }

    @Test
    void aBadDurationIsRefusedBeforeAnythingOpens() {
        MainTest.Run r = MainTest.run("run", "--config", EXAMPLE.toString(), "--for", "a while");
        assertThat(r.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--for: 'a while' is not a positive duration");
    }

    @Test
    void runIsListedInTheHelp() {
        MainTest.Run r = MainTest.run("--help");
        assertThat(r.out()).contains("run");
        MainTest.Run help = MainTest.run("run", "--help");
        assertThat(help.out()).contains("--config", "--for", "SIGTERM");
    }
}
