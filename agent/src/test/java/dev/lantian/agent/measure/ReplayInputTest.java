package dev.lantian.agent.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed replay input is reported line by line and runs nothing. */
class ReplayInputTest {

    @Test
    void everyMalformedLineIsReportedWithItsNumberAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.csv");
        Files.writeString(input, String.join("\n",
                "channel,time,value,flag",
                "boundary-pm10,2026-11-20T00:00:00+08:00,41.0,N",
                "boundary-pm10,2026-11-20 00:00:05,41.0,N",
                "boundary-pm10,2026-11-20T00:00:10+08:00,4x1,N",
                "nowhere,2026-11-20T00:00:15+08:00,41.0,N",
                "boundary-pm10,2026-11-20T00:00:20+08:00,41.0,Q",
                "boundary-pm10,2026-11-20T00:00:25+08:00,41.0,N,extra",
                "boundary-pm10,2026-11-20T00:00:30+08:00,,N",
                "boundary-pm10,2026-11-20T00:00:35+08:00,,B",
                "boundary-pm10,2026-11-20T00:00:40Z,NaN",
                "") + "\n");
        Path out = dir.resolve("out");
        ReplayInputException e = catchThrowableOfType(ReplayInputException.class, () -> new Replay(ExampleDay.settings()).run(input, out));

        assertThat(e.errors()).extracting(ReplayInputException.InputError::line).containsExactly(3, 4, 5, 6, 7, 8, 10, 11);
        assertThat(e.errors().get(0).message()).contains("bad time");
        assertThat(e.errors().get(1).message()).contains("bad number");
        assertThat(e.errors().get(2).message()).contains("unknown channel");
        assertThat(e.errors().get(3).message()).contains("unknown flag");
        assertThat(e.errors().get(4).message()).contains("columns");
        assertThat(e.errors().get(5).message()).contains("value is required");
        assertThat(e.errors().get(6).message()).contains("bad number 'NaN'");
        assertThat(e.errors().get(7).message()).as("a blank line is not silently skipped").contains("columns");
        assertThat(e.getMessage()).contains("line 3:", "line 11:");
        assertThat(out).doesNotExist();
    }

    @Test
    void aWrongHeaderIsReported(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.csv");
        Files.writeString(input, "time,channel,value\n");
        ReplayInputException e = catchThrowableOfType(ReplayInputException.class, () -> new Replay(ExampleDay.settings()).run(input, dir.resolve("o")));
        assertThat(e.errors()).singleElement().extracting(ReplayInputException.InputError::line).isEqualTo(1);
    }

    @Test
    void theFlagColumnIsOptional(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.csv");
        Files.writeString(input, "channel,time,value\nboundary-pm10,2026-11-20T00:00:00+08:00,41.0\n");
        Replay.Summary s = new Replay(ExampleDay.settings()).run(input, dir.resolve("o"));
        assertThat(s.samples()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("o").resolve("aggregates.csv"))).hasSize(1 + 144 + 24 + 1);
    }
}
