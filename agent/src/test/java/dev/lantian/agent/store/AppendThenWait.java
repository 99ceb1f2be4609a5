package dev.lantian.agent.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Test-scope main for {@link ReportStoreKillTest}: appends one report per line read from stdin and
 * prints its sequence as soon as append returns, then waits for the next line (the test kills it).
 */
public final class AppendThenWait {
    private AppendThenWait() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        ReportStore store = ReportStore.open(file, StoreSettings.from(
                new dev.lantian.agent.config.SiteConfig.Storage(file, 16, 90, 7)), Clock.systemUTC());
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            Report r = store.append(List.of(Drafts.minute(line.trim(), Drafts.T0, 4))).get(0);
            System.out.println("appended " + r.sequence());
            System.out.flush();
        }
        store.close();
    }
}
