package dev.lantian.hardware.sensor.sgp40;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class VocIndexAlgorithmTest {

    private static List<int[]> referenceVector() throws IOException {
        List<int[]> rows = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(VocIndexAlgorithmTest.class.getResourceAsStream("/sgp40/voc-reference.csv")),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(",");
                rows.add(new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())});
            }
        }
        return rows;
    }

    /**
     * Sensirion's own test vector (Sensirion/gas-index-algorithm, python-wrapper/tests/data/voc.csv,
     * produced by their 16.16 fixed-point C): raw signal in, VOC index out, 1 s apart, covering the
     * blackout, the start of learning and a step down and back up of the raw signal. Our double
     * precision version, with the reference's exponential, must give the same index on every sample.
     */
    @Test
    void reproducesSensirionsPublishedVector() throws IOException {
        List<int[]> rows = referenceVector();
        assertThat(rows).hasSize(600);
        VocIndexAlgorithm algorithm = new VocIndexAlgorithm();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(algorithm.process(rows.get(i)[0])).as("sample %d (raw %d)", i, rows.get(i)[0])
                    .isEqualTo(rows.get(i)[1]);
        }
    }

    /** The reference's exponential drops the remainder below 1/512, so it runs low by less than 0.2 %. */
    @Test
    void exponentialFollowsTheReferenceApproximation() {
        assertThat(VocIndexAlgorithm.exp(1.0)).isCloseTo(Math.E, org.assertj.core.data.Percentage.withPercentage(1e-9));
        double x = 1.0 + 1.0 / 1024;
        assertThat(VocIndexAlgorithm.exp(x)).isLessThan(Math.exp(x)).isCloseTo(Math.exp(x),
                org.assertj.core.data.Percentage.withPercentage(0.2));
        assertThat(VocIndexAlgorithm.exp(-20)).isZero();
    }

    @Test
    void theIndexIsZeroDuringTheBlackoutAndDefinedAfter() {
        VocIndexAlgorithm algorithm = new VocIndexAlgorithm();
        for (int i = 0; i < 46; i++) {
            assertThat(algorithm.process(30_000)).isZero();
        }
        assertThat(algorithm.process(30_000)).isBetween(1, 500);
        assertThat(algorithm.inBlackout()).isFalse();
    }

    /** Sensirion's python wrapper test: 200 samples of a steady signal give index 100. */
    @Test
    void aSteadySignalSettlesAtTheAverageIndex100() {
        VocIndexAlgorithm algorithm = new VocIndexAlgorithm();
        int index = 0;
        for (int i = 0; i < 201; i++) {
            index = algorithm.process(1337);
        }
        assertThat(index).isEqualTo(100);
    }

    /** A MOX sensor's resistance, hence its raw signal, falls when VOCs reach it: the index must rise. */
    @Test
    void aFallingRawSignalMeansMoreVocAndRaisesTheIndex() {
        VocIndexAlgorithm algorithm = new VocIndexAlgorithm();
        for (int i = 0; i < 3600; i++) {
            algorithm.process(30_000 + (i % 7) * 5);
        }
        int baseline = algorithm.process(30_000);
        int index = baseline;
        for (int i = 0; i < 120; i++) {
            index = algorithm.process(28_000);
        }
        assertThat(baseline).isBetween(95, 105);
        assertThat(index).isGreaterThan(200);

        VocIndexAlgorithm clean = new VocIndexAlgorithm();
        for (int i = 0; i < 3600; i++) {
            clean.process(30_000 + (i % 7) * 5);
        }
        int cleaner = 0;
        for (int i = 0; i < 120; i++) {
            cleaner = clean.process(31_000);
        }
        assertThat(cleaner).isLessThan(baseline);
    }

    @Test
    void resetStartsTheBlackoutAgain() {
        VocIndexAlgorithm algorithm = new VocIndexAlgorithm();
        for (int i = 0; i < 100; i++) {
            algorithm.process(30_000);
        }
        algorithm.reset();
        assertThat(algorithm.inBlackout()).isTrue();
        assertThat(algorithm.process(30_000)).isZero();
    }
}
