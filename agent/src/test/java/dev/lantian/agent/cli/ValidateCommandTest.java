package dev.lantian.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} as a technician runs it. */
class ValidateCommandTest {
    private static final Path EXAMPLE = Path.of("examples/bag-filter-plant.yaml");

    @TempDir
    Path dir;

    @Test
    void shippedExamplesAreValid() {
        MainTest.Run r = MainTest.run("validate", EXAMPLE.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).isEqualTo(EXAMPLE + ": valid (6 devices, 16 channels, 3 equipment)");
        MainTest.Run voc = MainTest.run("validate", "examples/voc-unit.yaml");
        assertThat(voc.status()).isZero();
        assertThat(voc.out().strip()).isEqualTo("examples/voc-unit.yaml: valid (5 devices, 10 channels, 2 equipment)");
    }

    @Test
    void unknownKeyAppendedExitsTwoNamingTheKeyAndItsLine() throws IOException {
        String text = Files.readString(EXAMPLE);
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, text + "sampling_rate: 5s\n");
        int line = (int) text.lines().count() + 1;
        MainTest.Run r = MainTest.run("validate", file.toString());
        assertThat(r.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).startsWith(file + ":" + line + ":1: sampling_rate: unknown key 'sampling_rate'")
                .contains("1 problem");
        assertThat(r.out()).doesNotContain("valid (");
    }

    @Test
    void everyProblemIsPrinted() throws IOException {
        String text = Files.readString(EXAMPLE).replace("baud: 9600", "baud: 9700").replace("role: treatment", "role: filter");
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, text);
        MainTest.Run r = MainTest.run("validate", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.contains("buses[")).count()).isEqualTo(3);
        assertThat(r.err()).contains("equipment[2].role: 'filter' is not allowed").contains("4 problems");
    }

    @Test
    void missingFileIsAnInputError() {
        Path missing = dir.resolve("nope.yaml");
        MainTest.Run r = MainTest.run("validate", missing.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith(missing + ": no such file");
    }

    @Test
    void directoryInsteadOfFileIsAnInputError() {
        MainTest.Run r = MainTest.run("validate", dir.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith(dir + ": is a directory");
    }

    @Test
    void helpExplainsTheExitStatus() {
        MainTest.Run r = MainTest.run("validate", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage:").contains("FILE").contains("Exit status");
    }
}
