package dev.lantian.agent.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped example day replays to its documented outputs, and those show the day's events. */
class ExampleDayTest {
    private static final Path EXAMPLES = Path.of("examples", "replay");
    private static final Path INPUT = EXAMPLES.resolve("boundary-pm-day.csv");
    private static final Path EXPECTED = EXAMPLES.resolve("boundary-pm-day.expected");

    @BeforeAll
    static void regenerateOnRequest() throws Exception {
        if (Boolean.getBoolean("lantian.regenerate")) {
            ExampleDay.main(new String[] {EXAMPLES.toString()});
        }
    }

    @Test
    void theCommittedInputIsWhatTheGeneratorMakes() throws Exception {
        assertThat(Files.readString(INPUT, StandardCharsets.UTF_8)).isEqualTo(ExampleDay.generate());
    }

    @Test
    void replayingTheExampleDayGivesTheDocumentedOutputs(@TempDir Path out) throws Exception {
        Replay.Summary summary = new Replay(ExampleDay.settings()).run(INPUT, out);
        for (String file : List.of("aggregates.csv", "alarms.csv", "rejected.csv")) {
            assertThat(Files.readString(out.resolve(file))).as(file).isEqualTo(Files.readString(EXPECTED.resolve(file)));
        }
        assertThat(summary.samples()).isEqualTo(24 * 720 - 90 * 12);

        List<String> aggregates = Files.readAllLines(out.resolve("aggregates.csv"));
        assertThat(aggregates.get(0)).isEqualTo(Replay.AGGREGATES_HEADER);
        assertThat(aggregates).filteredOn(l -> l.contains(",minute,")).hasSize(144);
        assertThat(aggregates).filteredOn(l -> l.contains(",hour,")).hasSize(24);
        assertThat(aggregates).contains("boundary-pm10,hour,2026-11-20T02:00:00+08:00,,,,0,B,false");
        assertThat(aggregates).anyMatch(l -> l.startsWith("boundary-pm10,hour,2026-11-20T03:00:00+08:00,") && l.endsWith(",360,B,false"));
        assertThat(aggregates).anyMatch(l -> l.startsWith("boundary-pm10,minute,2026-11-20T20:00:00+08:00,") && l.endsWith(",120,M,false"));
        assertThat(aggregates).anyMatch(l -> l.startsWith("boundary-pm10,hour,2026-11-20T20:00:00+08:00,") && l.endsWith(",720,N,true"));
        assertThat(aggregates).anyMatch(l -> l.startsWith("boundary-pm10,hour,2026-11-20T14:00:00+08:00,") && l.endsWith(",N,true"));
        assertThat(aggregates.get(aggregates.size() - 1)).startsWith("boundary-pm10,day,2026-11-20T00:00:00+08:00,").endsWith(",N,true");

        List<String> alarms = Files.readAllLines(out.resolve("alarms.csv"));
        assertThat(alarms).hasSize(2);
        // the first three samples of each level shift are rejected as spikes (half the Hampel window), so the
        // exceedance is seen from 14:00:15 and its end at 14:40:15
        assertThat(alarms.get(1)).startsWith("boundary-pm10-high,boundary-pm10,warning,2026-11-20T14:00:15+08:00,2026-11-20T14:40:15+08:00,150.000,");

        List<String> rejected = Files.readAllLines(out.resolve("rejected.csv"));
        assertThat(rejected).anyMatch(l -> l.startsWith("boundary-pm10,2026-11-20T09:17:30+08:00,900.000,N,SPIKE,"));
        assertThat(rejected).as("after the 02:00-03:30 gap the filter starts afresh").noneMatch(l -> l.contains("T03:30"));
    }
}
