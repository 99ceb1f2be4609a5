package dev.lantian.agent.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliveMarkerTest {
    @TempDir
    Path dir;

    @Test
    void theLastMarkSurvivesInItsFileAndAnUnreadableFileIsNoMark() throws Exception {
        Path file = dir.resolve("var/alive");
        AliveMarker marker = AliveMarker.file(file);
        assertThat(marker.last()).isEmpty();
        marker.mark(Instant.parse("2026-11-10T01:20:00Z"));
        marker.mark(Instant.parse("2026-11-10T01:20:30Z"));
        assertThat(AliveMarker.file(file).last()).contains(Instant.parse("2026-11-10T01:20:30Z"));
        assertThat(Files.readString(file)).hasSizeLessThan(40);

        Files.writeString(file, "2026-11-10T01:2");
        assertThat(AliveMarker.file(file).last()).isEmpty();
    }
}
