package dev.lantian.agent.store;

import org.tinylog.Logger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The board's durable record: the outbox of numbered reports, their archive, and raw samples, in
 * one SQLite file (schema, eviction order and alarms: docs/storage.md).
 *
 * <p>Durability: the database runs in WAL mode with {@code synchronous = FULL}, so every commit —
 * and {@link #append} commits before it returns — is fsynced to the log. With {@code NORMAL} a
 * commit is only durable after the next checkpoint, and a power cut could lose reports the pipeline
 * believed stored; one fsync per append (a few per minute) is cheap next to that. Raw samples are
 * buffered in memory and committed in batches (see {@link StoreSettings#sampleBatch()}), so a power
 * cut can lose at most one batch of raw samples, never a report.
 *
 * <p>Thread-safe: one connection, every public method synchronized.
 */
public final class ReportStore implements Outbox, ReportArchive, AutoCloseable {
    private final Path file;
    private final StoreSettings settings;
    private final Clock clock;
    private final Connection connection;
    private boolean closed;

    private ReportStore(Path file, StoreSettings settings, Clock clock, Connection connection) {
        this.file = file;
        this.settings = settings;
        this.clock = clock;
        this.connection = connection;
    }

    /**
     * Opens {@code file} (it wins over {@code settings.file()}, so tools and tests can point elsewhere),
     * creating it when absent. A file that is not a sound store is a {@link StoreException} naming it.
     */
    public static ReportStore open(Path file, StoreSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        ReportStore store = new ReportStore(file, settings, clock, Schema.open(file));
        Logger.info("store {} open: {} reports waiting", file, store.pendingCount());
        return store;
    }

    @Override
    public synchronized List<Report> append(List<ReportDraft> drafts) {
        List<ReportDraft> batch = List.copyOf(drafts);
        if (batch.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return write("append " + describe(batch), c -> {
            List<Report> stored = new ArrayList<>(batch.size());
            for (ReportDraft d : batch) {
                Report r = Report.numbered(d, ReportTable.nextSequence(c, d.device()), now);
                ReportTable.insert(c, r);
                stored.add(r);
            }
            return List.copyOf(stored);
        });
    }

    @Override
    public synchronized List<Report> oldestPending(int max) {
        return read("read pending reports", c -> ReportTable.pending(c, positive(max), true));
    }

    @Override
    public synchronized List<Report> newestPending(int max) {
        return read("read pending reports", c -> ReportTable.pending(c, positive(max), false));
    }

    @Override
    public synchronized void acknowledge(String device, long sequence) {
        Instant now = clock.instant();
        write("acknowledge " + device + " #" + sequence, c -> ReportTable.acknowledge(c, device, sequence, now));
    }

    @Override
    public synchronized long pendingCount() {
        return read("count pending reports", c -> ReportTable.count(c, "acked_at IS NULL"));
    }

    @Override
    public synchronized List<Report> history(String device, Instant from, Instant to, Set<ReportKind> kinds, int max) {
        Objects.requireNonNull(device, "device");
        Set<ReportKind> k = Set.copyOf(kinds);
        return read("read the history of " + device,
                c -> ReportTable.history(c, device, from, to, k, positive(max)));
    }

    public Path file() {
        return file;
    }

    public StoreSettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("could not close the store " + file + ": " + e.getMessage(), e);
        }
    }

    /** One unit of SQL work inside the store's lock. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(String what, Work<T> work) {
        ensureOpen();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("store " + file + ": could not " + what + ": " + Schema.describe(e), e);
        }
    }

    private <T> T write(String what, Work<T> work) {
        ensureOpen();
        try {
            return transaction(work);
        } catch (SQLException e) {
            throw new StoreException("store " + file + ": could not " + what + ": " + Schema.describe(e), e);
        }
    }

    private <T> T transaction(Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the store " + file + " is closed");
        }
    }

    private static int positive(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        return max;
    }

    static String describe(List<ReportDraft> drafts) {
        ReportDraft first = drafts.get(0);
        return drafts.size() == 1 ? "a " + first.kind().topic() + " report of " + first.device()
                : drafts.size() + " reports (first: " + first.kind().topic() + " of " + first.device() + ")";
    }
}
