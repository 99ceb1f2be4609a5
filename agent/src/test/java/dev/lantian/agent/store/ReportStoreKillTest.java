package dev.lantian.agent.store;

import dev.lantian.agent.config.SiteConfig;
import dev.lantian.hardware.time.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A report whose append returned is in the file even when the process dies the next instant. */
class ReportStoreKillTest {
    @TempDir
    Path dir;

    @Test
    void appendSurvivesKillRightAfterItReturns() throws Exception {
        Path file = dir.resolve("lantian.db");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dtinylog.level=off", AppendThenWait.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long last;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
            String line = null;
            for (int i = 0; i < 3; i++) {
                in.write("MN-1\n");
                in.flush();
                line = out.readLine();
                assertThat(line).as("child answer to append %d", i + 1).startsWith("appended ");
            }
            last = Long.parseLong(line.substring("appended ".length()));
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("killed child ended").isTrue();
        }
        assertThat(last).isEqualTo(3);
        VirtualClock clock = new VirtualClock(Drafts.T0, ZoneOffset.UTC);
        try (ReportStore store = ReportStore.open(file, StoreSettings.from(new SiteConfig.Storage(file, 16, 90, 7)), clock)) {
            assertThat(store.oldestPending(10)).extracting(Report::sequence).containsExactly(1L, 2L, 3L);
            assertThat(store.history("MN-1", Drafts.T0, Drafts.T0.plusSeconds(60), Set.of(), 10)).hasSize(3);
            assertThat(store.append(List.of(Drafts.minute("MN-1", Drafts.T0, 1))).get(0).sequence()).isEqualTo(4);
        }
    }
}
