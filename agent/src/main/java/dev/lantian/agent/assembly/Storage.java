package dev.lantian.agent.assembly;

import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.equipment.MonitorStateStore;
import dev.lantian.agent.equipment.RecentSamples;
import dev.lantian.agent.store.Outbox;
import dev.lantian.agent.store.ReportArchive;
import dev.lantian.agent.store.SampleSink;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

/**
 * The board's store as the wiring sees it: the outbox reports go to, the archive history requests
 * read, the raw-sample sink, where the equipment monitor keeps its snapshot, where it reads back the
 * recent raw samples its snapshot does not carry ({@link RecentSamples#NONE} when the store keeps
 * none), and how to close it all (flushing what is buffered).
 */
public record Storage(Outbox outbox, ReportArchive archive, SampleSink samples, MonitorStateStore monitorState,
                      RecentSamples recentSamples, AutoCloseable closer) implements AutoCloseable {
    public Storage {
        Objects.requireNonNull(recentSamples, "recentSamples");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(monitorState, "monitorState");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(closer, "closer");
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }

    /** Opens the store of {@code config} (SQLite on a board, memory in tests). */
    public interface Factory {
        Storage open(SiteConfig config, Clock clock) throws IOException;
    }
}
